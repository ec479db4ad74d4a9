# Two commands set everything up on a fresh machine:
#   make site   build the sample portal into site/
#   make test   run every test (installs Chromium, a Chinese font and nginx when missing)
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site serve test check bench bench-network lint system-packages clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/gongkai build

serve: $(STAMP)
	$(BIN)/mkdocs serve

check: $(STAMP)
	$(BIN)/gongkai check

# Debian's chromium (browser tests), a Chinese font (readable screenshots) and nginx
# (tests that serve the built site), installed when missing.
SYSTEM_PACKAGES := chromium fonts-wqy-microhei nginx-light

system-packages:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/sbin/nginx ] || \
	    ! dpkg -s fonts-wqy-microhei >/dev/null 2>&1; then \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; \
	fi

test: $(STAMP) system-packages
	$(BIN)/ruff check scripts tests
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python -m tests.bench

# A document page's first view on a 400 kbit/s, 400 ms link: bytes and first paint, in Chromium.
bench-network: $(STAMP) system-packages
	$(BIN)/python -m tests.bench_network

clean:
	rm -rf site .venv .gongkai
