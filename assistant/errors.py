"""The error vocabulary of PIANOo-assistent. Messages are Dutch: they reach the user and say what to do."""


class AssistantError(Exception):
    """Base class: an expected failure with a message that tells the user what to do next."""


class DocumentError(AssistantError):
    """A document cannot be read (corrupt, encrypted, empty, unknown format...)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StoreUnavailable(AssistantError):
    """The Chroma store cannot be reached or opened."""


class StoreMismatch(AssistantError):
    """The store was built with another embedding model than the one configured."""


class EmptyStore(AssistantError):
    """The store holds no documents yet."""


class EmbedderUnavailable(AssistantError):
    """The configured embedding model cannot be loaded."""


class UnknownDocument(AssistantError):
    """A document filter names a document the store does not hold."""
