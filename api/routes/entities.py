"""Entity API (filled in below)."""
from fastapi import APIRouter

router = APIRouter(tags=["Entities"])
