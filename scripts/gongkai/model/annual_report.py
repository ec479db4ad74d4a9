"""政府信息公开工作年度报告 in the format of 国办公开办函〔2021〕30号 (data/nianbao/<year>.yml).

The file holds what only people know: sections 一、五、六 as text, the hand-counted rows of
table 二, and tables 三 and 四. Table 二's 规章 and 行政规范性文件 rows are computed from the
portal's documents; a figure entered by hand for them must agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from .fields import Field, Kind, Schema, optional

F = Field
D = Kind

# Table 三's columns: 自然人, the five kinds of 法人或其他组织, 总计.
APPLICANT_COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
APPLICANT_GROUP = "法人或其他组织"

# Table 三's rows: (YAML key, label as the template prints it, heading above it or "").
INTAKE = (
    ("本年新收申请数量", "一、本年新收政府信息公开申请数量", ""),
    ("上年结转申请数量", "二、上年结转政府信息公开申请数量", ""),
)
OUTCOMES = (
    ("予以公开", "（一）予以公开", ""),
    ("部分公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ""),
    ("属于国家秘密", "1.属于国家秘密", "（三）不予公开"),
    ("其他法律行政法规禁止公开", "2.其他法律行政法规禁止公开", "（三）不予公开"),
    ("危及三安全一稳定", "3.危及“三安全一稳定”", "（三）不予公开"),
    ("保护第三方合法权益", "4.保护第三方合法权益", "（三）不予公开"),
    ("属于三类内部事务信息", "5.属于三类内部事务信息", "（三）不予公开"),
    ("属于四类过程性信息", "6.属于四类过程性信息", "（三）不予公开"),
    ("属于行政执法案卷", "7.属于行政执法案卷", "（三）不予公开"),
    ("属于行政查询事项", "8.属于行政查询事项", "（三）不予公开"),
    ("本机关不掌握相关政府信息", "1.本机关不掌握相关政府信息", "（四）无法提供"),
    ("没有现成信息需要另行制作", "2.没有现成信息需要另行制作", "（四）无法提供"),
    ("补正后申请内容仍不明确", "3.补正后申请内容仍不明确", "（四）无法提供"),
    ("信访举报投诉类申请", "1.信访举报投诉类申请", "（五）不予处理"),
    ("重复申请", "2.重复申请", "（五）不予处理"),
    ("要求提供公开出版物", "3.要求提供公开出版物", "（五）不予处理"),
    ("无正当理由大量反复申请", "4.无正当理由大量反复申请", "（五）不予处理"),
    ("要求确认或重新出具已获取信息", "5.要求行政机关确认或重新出具已获取信息", "（五）不予处理"),
    ("逾期不补正", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "（六）其他处理"),
    ("逾期未缴费", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "（六）其他处理"),
    ("其他处理", "3.其他", "（六）其他处理"),
)
OUTCOME_TOTAL = ("办理结果总计", "（七）总计", "")
CARRIED_OVER = ("结转下年度继续办理", "四、结转下年度继续办理", "")
TABLE_3_ROWS = INTAKE + OUTCOMES + (OUTCOME_TOTAL, CARRIED_OVER)

# Table 四: 行政复议, and 行政诉讼 未经复议直接起诉 / 复议后起诉, each with the same five columns.
REVIEW_COLUMNS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
TABLE_4_ROWS = (("行政复议", "行政复议"), ("未经复议直接起诉", "行政诉讼：未经复议直接起诉"),
                ("复议后起诉", "行政诉讼：复议后起诉"))

# Table 二's rows computed from the documents: 本年制发件数, 本年废止件数, 现行有效件数.
COUNTED_COLUMNS = ("本年制发件数", "本年废止件数", "现行有效件数")
COUNTED_ROWS = ("规章", "行政规范性文件")
# Table 二's rows counted by hand: (key, column heading).
DECISION_ROWS = ("行政许可", "行政处罚", "行政强制")

TABLE_3 = Schema("表三 收到和处理政府信息公开申请情况", tuple(
    optional(key, key, D.NUMBERS, size=len(APPLICANT_COLUMNS),
             help=f"{len(APPLICANT_COLUMNS)} 个数：" + "、".join(APPLICANT_COLUMNS))
    for key, _, _ in TABLE_3_ROWS))

TABLE_4 = Schema("表四 政府信息公开行政复议、行政诉讼情况", tuple(
    optional(key, key, D.NUMBERS, size=len(REVIEW_COLUMNS), help="5 个数：" + "、".join(REVIEW_COLUMNS))
    for key, _ in TABLE_4_ROWS))

ANNUAL_REPORT = Schema("政府信息公开工作年度报告", (
    F("机关名称", "body", D.TEXT),
    F("发布日期", "published", D.DATE),
    F("总体情况", "overview", D.TEXT, help="一、总体情况（可分段书写）"),
    *(optional(row, row, D.NUMBERS, size=3, help="本年制发件数、本年废止件数、现行有效件数；不写时取本网站的统计")
      for row in COUNTED_ROWS),
    *(optional(row, row, D.NUMBER, default=0, help="本年处理决定数量") for row in DECISION_ROWS),
    optional("行政事业性收费", "行政事业性收费", D.NUMBER, default=0, help="本年收费金额（单位：万元）"),
    F("收到和处理政府信息公开申请情况", "requests", D.GROUP, schema=TABLE_3),
    F("行政复议和行政诉讼情况", "reviews", D.GROUP, schema=TABLE_4),
    F("存在的主要问题及改进情况", "problems", D.TEXT),
    optional("其他需要报告的事项", "other", D.TEXT, default="无。"),
    optional("示例", "sample", D.BOOL, default=False, help="示例内容，页面上标明“示例”"),
))


@dataclass(frozen=True)
class AnnualReport:
    """One year's report as the editors wrote it; ``lines`` locate each field for problems."""

    year: int
    body: str
    published: object
    overview: str
    problems: str
    other: str
    entered: dict  # 规章 / 行政规范性文件 → (制发, 废止, 现行有效) when entered by hand
    decisions: dict  # 行政许可 / 行政处罚 / 行政强制 / 行政事业性收费 → number
    requests: dict  # table 三 key → 7 numbers (absent rows are zeros)
    reviews: dict  # table 四 key → 5 numbers
    sample: bool
    path: str
    lines: dict  # "field" or "field/row" → line number

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)

    @property
    def title(self) -> str:
        return f"{self.body}{self.year}年政府信息公开工作年度报告"

    def request_row(self, key: str) -> tuple[int, ...]:
        return self.requests.get(key) or (0,) * len(APPLICANT_COLUMNS)

    def review_row(self, key: str) -> tuple[int, ...]:
        return self.reviews.get(key) or (0,) * len(REVIEW_COLUMNS)
