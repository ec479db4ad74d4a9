"""The one error publishing raises: the published site is unchanged and the message says why."""


class PublishError(Exception):
    """Publishing was refused; the published site is unchanged. The message says why."""


class Unchanged(PublishError):
    """The candidate is byte for byte the release being served: nothing to publish."""
