from tests.conftest import paired_site_files, run_gongkai


def test_smallest_portal_passes_check(make_site):
    site = make_site(paired_site_files())
    code, out, err = run_gongkai(site, "check")
    assert (code, out) == (0, "")
    assert "检查通过" in err
