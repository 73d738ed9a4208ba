"""PIANOo-assistent: cited answers from PIANOo's publications on public procurement."""

from .models import Answer, Chunk, Citation, Document, Hit
from .pipeline import Pipeline
from .settings import Settings

__all__ = ["Answer", "Chunk", "Citation", "Document", "Hit", "Pipeline", "Settings"]
