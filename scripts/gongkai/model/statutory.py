"""法定主动公开内容: the items of 《政府信息公开条例》(2019) Articles 20 and 21, and what fills each.

An item is filled by documents (by 主题分类, or by words of their 标题 and 主题词) or by a data
file of the portal. ``hint`` says, in the words of an empty-item warning, what would fill it.
"""

from __future__ import annotations

from dataclasses import dataclass

# Data sources an item can be filled by; the names are those of gongkai.pages' generated pages.
ORGANISATION = "organisation"
FEES = "fees"
CATALOG = "catalog"
GAZETTE = "gazette"
POLICIES = "policies"

DATA_FILES = {
    ORGANISATION: "data/organisation.yml",
    FEES: "data/fees.yml",
    CATALOG: "data/catalog.yml",
    GAZETTE: "data/gongbao/",
}

DATA_HINTS = {
    ORGANISATION: "填写机关名称、机关职能、内设机构、负责人、办公地址、办公时间、联系电话和邮政编码",
    FEES: "登记行政事业性收费项目",
    CATALOG: "登记主动公开目录清单",
    GAZETTE: "登记政府公报各期",
}

# The levels of government a portal can serve; Article 21 binds city and county governments.
LEVELS = ("city", "county", "department")
ARTICLE_21_LEVELS = ("city", "county")

NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class StatutoryItem:
    """One item of Article 20 or 21 and what on the portal fills it."""

    article: int
    number: int
    title: str
    topics: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    data: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        return f"tiao-{self.article}-{self.number}"

    @property
    def label(self) -> str:
        """第二十条第（二）项, as the regulation is cited."""
        return f"第{_numeral(self.article)}条第（{_numeral(self.number)}）项"

    @property
    def hint(self) -> str:
        """What an editor adds to fill the item."""
        ways = [f"在 {DATA_FILES[d]} 中{DATA_HINTS[d]}" for d in self.data if d in DATA_FILES]
        if POLICIES in self.data:
            ways.append("在 content/policies/ 下发布政策文件")
        if self.words:
            ways.append("发布标题或“主题词”含“" + "”“".join(self.words[:3]) + "”的政策文件")
        if self.topics:
            ways.append("发布“主题分类”为“" + "”“".join(self.topics) + "”的政策文件")
        return "，或".join(ways)

    @property
    def fill_path(self) -> str:
        """The file (or folder) a warning about this item points to."""
        return next((DATA_FILES[d] for d in self.data if d in DATA_FILES), "content/policies/")


def _numeral(n: int) -> str:
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else NUMERALS[tens - 1]) + "十" + (NUMERALS[ones - 1] if ones else "")


S = StatutoryItem

ARTICLE_20 = (
    S(20, 1, "行政法规、规章和规范性文件", data=(POLICIES,)),
    S(20, 2, "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名", data=(ORGANISATION,)),
    S(20, 3, "国民经济和社会发展规划、专项规划、区域规划及相关政策",
      words=("规划", "纲要")),
    S(20, 4, "国民经济和社会发展统计信息", words=("统计公报", "统计信息", "统计数据")),
    S(20, 5, "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果",
      words=("行政许可", "审批", "政务服务事项"), data=(CATALOG,)),
    S(20, 6, "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定",
      words=("行政处罚", "行政强制", "处罚")),
    S(20, 7, "财政预算、决算信息", words=("预算", "决算", "财政收支")),
    S(20, 8, "行政事业性收费项目及其依据、标准", data=(FEES,)),
    S(20, 9, "政府集中采购项目的目录、标准及实施情况", words=("政府采购", "集中采购")),
    S(20, 10, "重大建设项目的批准和实施情况", words=("重大建设项目", "建设项目")),
    S(20, 11, "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况",
      words=("扶贫", "教育", "医疗", "社会保障", "就业", "创业")),
    S(20, 12, "突发公共事件的应急预案、预警信息及应对情况", words=("应急预案", "预警", "突发")),
    S(20, 13, "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
      words=("环境保护", "公共卫生", "安全生产", "食品", "药品", "产品质量", "监督检查")),
    S(20, 14, "公务员招考的职位、名额、报考条件等事项以及录用结果", words=("公务员", "招考", "录用")),
    S(20, 15, "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息", data=(CATALOG, GAZETTE)),
)

ARTICLE_21 = (
    S(21, 1, "市政建设", words=("市政建设", "市政设施", "老旧小区", "城市更新", "供热")),
    S(21, 2, "公共服务", words=("公共服务", "政务服务", "便民")),
    S(21, 3, "公益事业", words=("公益",)),
    S(21, 4, "土地征收", words=("土地征收", "征地")),
    S(21, 5, "房屋征收", words=("房屋征收", "棚户区改造")),
    S(21, 6, "治安管理", words=("治安",)),
    S(21, 7, "社会救助", words=("社会救助", "低保", "临时救助", "特困")),
)


def items_for(level: str) -> tuple[StatutoryItem, ...]:
    """The items a portal of ``level`` must fill."""
    return ARTICLE_20 + (ARTICLE_21 if level in ARTICLE_21_LEVELS else ())
