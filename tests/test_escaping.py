"""Every front-matter value is printed as text, in <title>, <meta>, headings and listings."""

from pathlib import Path

from tests.conftest import SEED_INTERPRETATION, SEED_POLICY, run_gongkai
from tests.dom_safety import unsafe_constructs

# Spelt without a literal "<": YAML escapes and entities that a scan for "<" never sees.
TITLE = "\\x3cscript>alert(1)\\x3c/script>关于测试的通知"
ISSUER = "&lt;img src=x&gt;&lt;b&gt;局"


def _hostile_site(make_site) -> Path:
    policy = (SEED_POLICY.replace("标题: 关于印发测试方案的通知", f'标题: "{TITLE}"')
              .replace("发文机关: 通辽市人民政府办公厅", f"发文机关: '{ISSUER}'")
              + "\n## 第 &lt;script&gt;alert(3)&lt;/script&gt; 条\n\n正文。\n\n## 附则\n\n正文。\n")
    return make_site({"content/policies/2017/seed.md": policy,
                      "content/interpretations/2017/seed-jiedu.md": SEED_INTERPRETATION,
                      "content/xxgk/zhinan.md": '---\ntitle: "\\x3c/title>\\x3cscript>alert(4)\\x3c/script>"\n---\n正文。\n'})


def test_hostile_values_are_published_as_text_in_every_context(make_site):
    site = _hostile_site(make_site)
    code, _, _ = run_gongkai(site, "build")
    assert code == 0
    page = (site / "site/policies/2017/seed/index.html").read_text(encoding="utf-8")
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;关于测试的通知 - 测试门户</title>" in page
    assert '<meta name="ArticleTitle" content="&lt;script&gt;alert(1)&lt;/script&gt;关于测试的通知">' in page
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt;关于测试的通知</h1>" in page
    assert "第 &lt;script&gt;alert(3)&lt;/script&gt; 条</a>" in page
    guide = (site / "site/xxgk/zhinan/index.html").read_text(encoding="utf-8")
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(4)&lt;/script&gt; - 测试门户</title>" in guide
    for built in (site / "site").rglob("*.html"):
        text = built.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<img src=x" not in text, built
        assert not [c for c in unsafe_constructs(text) if "alert" in c or " on" in c], built
