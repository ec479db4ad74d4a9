"""The validity of a document (有效性) and the other fixed vocabularies."""

from __future__ import annotations

from enum import Enum


class Status(Enum):
    """有效性: what a reader must know before relying on a document."""

    IN_FORCE = "有效"
    AMENDED = "已修改"
    REPEALED = "已废止"
    EXPIRED = "已失效"
    NOT_YET_IN_FORCE = "尚未生效"

    @property
    def label(self) -> str:
        return self.value


# 党政机关公文处理工作条例 (2012) names fifteen kinds of official document.
DOCUMENT_TYPES = (
    "决议", "决定", "命令", "令", "公报", "公告", "通告", "意见", "通知", "通报",
    "报告", "请示", "批复", "议案", "函", "纪要",
)

INTERPRETATION_FORMS = ("文字", "图解", "问答", "视频", "音频", "新闻发布会", "专家解读")

# 五公开: the five stages of government work that are disclosed.
FIVE_OPENNESS = ("决策", "执行", "管理", "服务", "结果")

FEE_CATEGORIES = ("行政事业性收费", "政府性基金")

# Statuses an editor may declare for a change made by a body outside the portal.
EXTERNAL_STATUSES = (Status.AMENDED.value, Status.REPEALED.value, Status.EXPIRED.value)
