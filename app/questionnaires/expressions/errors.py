"""The one error type of the expression language."""


class ExpressionError(ValueError):
    """A parse or evaluation error; `position` is a 0-based offset into the expression, if known."""

    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position

    def __str__(self) -> str:
        return self.message
