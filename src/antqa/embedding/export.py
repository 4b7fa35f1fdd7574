"""Once per model: export a sentence-transformers model to an optimised int8 ONNX graph.

The build pipeline (:mod:`antqa.build`) calls :func:`export_onnx` only when no index at
hand holds an export of the same model and :data:`RECIPE`, and stores the result in the
index folder (``model.onnx`` + ``tokenizer.json``, sha256 of each in the manifest). The
export depends on the model and the recipe alone, never on the article, so an article edit
leaves ``model.onnx`` byte-identical and rebuilding needs no torch. torch, transformers and
sentence-transformers (the ``[export]`` extra) are imported inside the functions: importing
this module costs nothing.

The recipe, and why (figures from ``benchmarks/embedding.py`` and the export's own check,
2-core AVX2 CPU without VNNI):

1. ``torch.onnx.export(..., dynamo=False)``: the dynamo exporter needs ``onnxscript``.
   The model is loaded with ``attn_implementation="eager"`` (transformers 5 defaults to
   SDPA, which the fusion below does not recognise).
2. onnxruntime's BERT optimiser fuses embeddings, attention, GELU and layer norms.
3. Smoothing (SmoothQuant): dynamic quantization gives a whole activation tensor one
   int8 scale, and a few channels of the attention input and of the feed-forward
   down-projection input (straight out of GELU) run far larger than the rest. Quantized
   as they are, short sentences drop to cosine 0.97 against the reference. Dividing each
   input channel by ``s = max|x|^a / max|w|^(1-a)`` (``a`` = 0.8, maxima measured on
   ``calibration.txt``, a fixed text shipped with antqa that comes from no article it
   indexes) and multiplying the weights' row by it leaves the product
   unchanged and evens the ranges out.
4. ``quantize_dynamic``: int8 weights per output channel for every MatMul and the fused
   attention. About 2.4x faster than leaving the two sensitive projections in fp32,
   at a mean cosine 0.001 lower. ``reduce_range`` (7-bit weights): without VNNI,
   onnxruntime 1.32's int8 kernels saturate on full-range weights; with it the mean
   cosine to the reference rose from 0.9915 to 0.9942 on the article and from 0.9923 to
   0.9953 on check.txt.
5. The float matrices left (the word embeddings) are *stored* as int8 with a scale per
   row behind ``DequantizeLinear``; onnxruntime folds them back to fp32 when the session
   starts (see :class:`~antqa.embedding.onnx_backend.OnnxEmbedder`), so they cost no latency.
   This takes the file to 23 MB, small enough to commit inside ``index/``.
6. The result is checked against the reference model on ``check.txt`` (held out from the
   calibration); an export below :data:`MIN_COSINE` on any of its texts (or below
   :data:`MIN_MEAN_COSINE` on average) is refused.
"""

from __future__ import annotations

import logging
import tempfile
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from antqa.chunking import chunk_article
from antqa.embedding.onnx_backend import (
    ONNX_FILE,
    OUTPUT,
    TOKENIZER_FILE,
    OnnxEmbedder,
    OnnxExport,
)
from antqa.embedding.torch_backend import SentenceTransformerEmbedder
from antqa.errors import ExportUnsupported
from antqa.hashing import sha256_file

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

MIN_MEAN_COSINE = 0.995
"""The least mean cosine to the reference model over the check texts: the quality bar.
A sound int8 export of the bundled model sits at 0.996 on check.txt and on the article."""
MIN_COSINE = 0.97
"""The least cosine any checked text may have. A broken export scores 0.2-0.9; a sound int8
one 0.97-0.985 on its worst text, a few short sentences whose exact figure moves with any
detail of the recipe, so a tighter floor would only make exports flaky."""
SMOOTHING_ALPHA = 0.8
CALIBRATION_FILE = Path(__file__).with_name("calibration.txt")
CHECK_FILE = Path(__file__).with_name("check.txt")
RECIPE = (
    "torch.onnx.export (opset 17) + onnxruntime BERT fusions + SmoothQuant (alpha "
    f"{SMOOTHING_ALPHA}, "
    "attention and FFN down-projection inputs, calibrated on antqa's calibration.txt v1) + "
    "dynamic int8 "
    "(MatMul and Attention, per-channel 7-bit weights) + word embeddings stored int8 per row "
    "(DequantizeLinear, folded at load)"
)
FP32_RECIPE = "torch.onnx.export (opset 17) + onnxruntime BERT fusions, fp32"
OPSET = 17


@dataclass(frozen=True)
class ExportedModel:
    """An export on disk: the folder holding its files and the record for the manifest."""

    folder: Path
    record: OnnxExport

    @property
    def files(self) -> tuple[str, str]:
        """The files an index stores for it."""
        return (self.record.file, self.record.tokenizer_file)

    def embedder(self, name: str, threads: int = 1) -> OnnxEmbedder:
        return OnnxEmbedder(self.folder, self.record, name, threads)


def fixed_texts(path: Path) -> list[str]:
    """The passages and sentences of a text shipped with antqa, cut as an article is."""
    sentences, chunks = chunk_article(path.read_text(encoding="utf-8"))
    return [c.text for c in chunks] + [s.text for s in sentences]


def export_onnx(model_name: str, folder: Path, *, quantize: bool = True) -> ExportedModel:
    """Export ``model_name`` into ``folder``, calibrated and checked on antqa's fixed texts.

    Raises :class:`ExportUnsupported` when the model is not a plain transformer with mean
    pooling, or when the quantized export strays from the model on any check text, and
    :class:`~antqa.errors.ModelUnavailable` without torch (the ``[export]`` extra).
    ``quantize=False`` stops after step 2 (optimised fp32; used by the benchmarks).
    """
    check_texts = fixed_texts(CHECK_FILE)
    # eager attention: the fusion below does not recognise transformers 5's default SDPA.
    reference_embedder = SentenceTransformerEmbedder(
        model_name, model_kwargs={"attn_implementation": "eager"}
    )
    reference = reference_embedder.model  # ModelUnavailable if it cannot load
    transformer = _plain_mean_pooling_transformer(reference, model_name)
    tokenizer = transformer.tokenizer
    input_names = list(tokenizer.model_input_names)
    config = transformer.auto_model.config
    max_length = int(reference.max_seq_length or config.max_position_embeddings)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".export-", dir=folder) as work:
        fp32 = Path(work) / "fp32.onnx"
        optimised = Path(work) / "optimised.onnx"
        _export_fp32(transformer.auto_model, tokenizer, input_names, fp32)
        _optimise(fp32, optimised, config.num_attention_heads, config.hidden_size)
        if quantize:
            smoothed, quantized = Path(work) / "smoothed.onnx", Path(work) / "quantized.onnx"
            calibration = [
                _feeds(tokenizer, input_names, text, max_length)
                for text in fixed_texts(CALIBRATION_FILE)
            ]
            _smooth(optimised, smoothed, calibration, config.intermediate_size)
            _quantize(smoothed, quantized)
            _store_matrices_as_int8(quantized, folder / ONNX_FILE)
        else:
            optimised.replace(folder / ONNX_FILE)
    _save_tokenizer(tokenizer, folder / TOKENIZER_FILE, max_length)
    record = OnnxExport(
        sha256=sha256_file(folder / ONNX_FILE),
        tokenizer_sha256=sha256_file(folder / TOKENIZER_FILE),
        input_names=input_names,
        max_seq_length=max_length,
        dim=reference_embedder.dim,
        recipe=RECIPE if quantize else FP32_RECIPE,
        cosine_min=0.0,
        cosine_mean=0.0,
        checked_texts=0,
    )
    fast = ExportedModel(folder, record).embedder(model_name)
    cosines = (fast.embed(check_texts) * reference_embedder.embed(check_texts)).sum(axis=1)
    if cosines.min() < MIN_COSINE or cosines.mean() < MIN_MEAN_COSINE:
        raise ExportUnsupported(
            f"the int8 ONNX export of {model_name!r} strays from the model (cosine to it: "
            f"min {cosines.min():.3f}, mean {cosines.mean():.4f}; needed {MIN_COSINE}, "
            f"{MIN_MEAN_COSINE}) — serve it with ANTQA_EMBEDDING_BACKEND=torch"
        )
    record = record.model_copy(
        update={
            "cosine_min": round(float(cosines.min()), 4),
            "cosine_mean": round(float(cosines.mean()), 4),
            "checked_texts": len(cosines),
        }
    )
    return ExportedModel(folder, record)


def _plain_mean_pooling_transformer(model: SentenceTransformer, name: str) -> Any:
    """The model's Transformer module if the model is Transformer -> mean Pooling [-> Normalize]."""
    modules: list[Any] = list(model)
    kinds = [type(m).__name__ for m in modules]
    pooling = modules[1].get_config_dict() if len(modules) > 1 else {}
    modes = {k for k, v in pooling.items() if k.startswith("pooling_mode_") and v is True}
    mean = pooling.get("pooling_mode") == "mean" or modes == {"pooling_mode_mean_tokens"}
    plain = kinds[:2] == ["Transformer", "Pooling"] and set(kinds[2:]) <= {"Normalize"}
    if not (plain and mean) or getattr(model, "default_prompt_name", None):
        raise ExportUnsupported(
            f"{name!r} is {' -> '.join(kinds)}; the ONNX path handles a transformer with mean "
            "pooling and no prompt — serve it with ANTQA_EMBEDDING_BACKEND=torch"
        )
    if not hasattr(modules[0].tokenizer, "backend_tokenizer"):
        raise ExportUnsupported(
            f"{name!r} has no fast (Rust) tokenizer — serve it with ANTQA_EMBEDDING_BACKEND=torch"
        )
    return modules[0]


def _export_fp32(model: Any, tokenizer: Any, input_names: list[str], path: Path) -> None:
    """Trace the transformer (token embeddings out) with dynamic batch and sequence axes."""
    import torch

    class TokenEmbeddings(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, *inputs: torch.Tensor) -> torch.Tensor:
            return self.model(**dict(zip(input_names, inputs, strict=True))).last_hidden_state

    # Two texts of different lengths, so padding is part of the traced example.
    sample = tokenizer(
        ["a short probe", "a longer probe sentence, traced with padding"],
        padding=True,
        return_tensors="pt",
    )
    axes = {0: "batch", 1: "sequence"}
    model.eval()
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # legacy-exporter deprecation and tracer notes
        torch.onnx.export(
            TokenEmbeddings(),
            tuple(sample[n] for n in input_names),
            str(path),
            input_names=input_names,
            output_names=[OUTPUT],
            dynamic_axes={name: axes for name in [*input_names, OUTPUT]},
            opset_version=OPSET,
            dynamo=False,
        )


def _optimise(source: Path, target: Path, heads: int, hidden: int) -> None:
    from onnxruntime.transformers import optimizer

    with _quiet_root_logger():
        model = optimizer.optimize_model(
            str(source), model_type="bert", num_heads=heads, hidden_size=hidden
        )
        model.save_model_to_file(str(target))


def _feeds(tokenizer: Any, input_names: list[str], text: str, max_length: int) -> dict[str, Any]:
    encoded = tokenizer(text, truncation=True, max_length=max_length, return_tensors="np")
    return {name: encoded[name].astype(np.int64) for name in input_names}


def _smooth(
    source: Path,
    target: Path,
    calibration: Sequence[dict[str, Any]],
    intermediate_size: int,
    alpha: float = SMOOTHING_ALPHA,
) -> None:
    """Move the activation outliers of the quantization-sensitive inputs into the weights.

    Targets: the fused attention (input -> QKV) and the feed-forward down-projections.
    Each gets a ``Mul`` by ``1/s`` on its input and its weight rows scaled by ``s`` (step 3
    of the module docstring); the input's per-channel maxima come from ``calibration``.
    """
    import onnx
    import onnxruntime as ort
    from onnx import TensorProto, helper, numpy_helper

    model = onnx.load(str(source))
    graph = model.graph
    weights = {init.name: init for init in graph.initializer}
    down_projections = set(_matmuls_with_input_width(graph, intermediate_size))
    targets = {}  # node name -> (activation input, weight input)
    for node in graph.node:
        if node.op_type == "Attention":
            targets[node.name] = (node.input[0], node.input[1])
        elif node.name in down_projections:
            weight = next(i for i in node.input if i in weights)
            targets[node.name] = (next(i for i in node.input if i != weight), weight)
    activations = sorted({activation for activation, _ in targets.values()})
    probe = onnx.ModelProto()
    probe.CopyFrom(model)
    probe.graph.output.extend(
        helper.make_tensor_value_info(name, TensorProto.FLOAT, None) for name in activations
    )
    session = ort.InferenceSession(probe.SerializeToString(), providers=["CPUExecutionProvider"])
    peaks = dict.fromkeys(activations, np.float32(0))
    for feeds in calibration:
        for name, value in zip(activations, session.run(activations, feeds), strict=True):
            channels = np.abs(value).reshape(-1, value.shape[-1]).max(axis=0)
            peaks[name] = np.maximum(peaks[name], channels)
    nodes = []
    for node in graph.node:
        if node.name in targets:
            activation, weight = targets[node.name]
            matrix = numpy_helper.to_array(weights[weight])
            ideal = np.maximum(peaks[activation], 1e-5) ** alpha / np.maximum(
                np.abs(matrix).max(axis=1), 1e-5
            ) ** (1 - alpha)
            # On a grid of quarter octaves, so that the last bits of the calibration (which
            # may vary between CPUs) do not change the export: rebuilds are reproducible.
            scale = np.exp2(np.round(np.log2(ideal) * 4) / 4)
            weights[weight].CopyFrom(
                numpy_helper.from_array((matrix * scale[:, None]).astype(np.float32), weight)
            )
            inverse, smoothed = f"{node.name}_smoothing", f"{node.name}_smoothed_input"
            graph.initializer.append(
                numpy_helper.from_array((1 / scale).astype(np.float32), inverse)
            )
            nodes.append(helper.make_node("Mul", [activation, inverse], [smoothed], name=inverse))
            node.input[list(node.input).index(activation)] = smoothed
        nodes.append(node)
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.save(model, str(target))


def _quantize(source: Path, target: Path) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with _quiet_root_logger():
        quantize_dynamic(
            str(source),
            str(target),
            op_types_to_quantize=["MatMul", "Attention"],
            per_channel=True,
            reduce_range=True,
            weight_type=QuantType.QInt8,
            extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
        )


def _matmuls_with_input_width(graph: Any, width: int) -> list[str]:
    """Names of MatMul nodes whose weight matrix has ``width`` rows (the FFN down-projections)."""
    rows = {init.name: init.dims[0] for init in graph.initializer if len(init.dims) == 2}
    return [
        node.name
        for node in graph.node
        if node.op_type == "MatMul" and any(rows.get(i) == width for i in node.input)
    ]


def _store_matrices_as_int8(source: Path, target: Path, min_elements: int = 1 << 18) -> None:
    """Replace each large fp32 matrix by int8 + per-channel scale and a DequantizeLinear.

    Channels are rows for embedding tables (one token per row) and columns for weights
    (one output per column), so each scale covers values of one kind.
    """
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    model = onnx.load(str(source))
    graph = model.graph
    consumers: dict[str, set[str]] = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, set()).add(node.op_type)
    dequantize = []
    for initializer in list(graph.initializer):
        dims = list(initializer.dims)
        if initializer.data_type != TensorProto.FLOAT or len(dims) != 2:
            continue
        if dims[0] * dims[1] < min_elements:
            continue
        weights = numpy_helper.to_array(initializer)
        tables = consumers.get(initializer.name, set()) & {"Gather", "EmbedLayerNormalization"}
        axis = 0 if tables else 1
        scale = np.maximum(np.abs(weights).max(axis=1 - axis), 1e-12).astype(np.float32) / 127
        values = np.round(weights / np.expand_dims(scale, 1 - axis)).clip(-127, 127)
        name = initializer.name
        graph.initializer.remove(initializer)
        graph.initializer.extend(
            [
                numpy_helper.from_array(values.astype(np.int8), f"{name}_int8"),
                numpy_helper.from_array(scale, f"{name}_scale"),
                numpy_helper.from_array(np.zeros(scale.shape, dtype=np.int8), f"{name}_zero"),
            ]
        )
        dequantize.append(
            helper.make_node(
                "DequantizeLinear",
                [f"{name}_int8", f"{name}_scale", f"{name}_zero"],
                [name],
                axis=axis,
                name=f"{name}_dequantize",
            )
        )
    for node in reversed(dequantize):  # producers first keeps the graph topologically sorted
        graph.node.insert(0, node)
    onnx.save(model, str(target))


def _save_tokenizer(tokenizer: Any, path: Path, max_length: int) -> None:
    """The Rust tokenizer, set to truncate like the model and not to pad."""
    from tokenizers import Tokenizer

    fast = Tokenizer.from_str(tokenizer.backend_tokenizer.to_str())
    fast.no_padding()
    fast.enable_truncation(max_length)
    fast.save(str(path))


@contextmanager
def _quiet_root_logger() -> Iterator[None]:
    """onnxruntime's tools log advice ("consider pre-processing") on the root logger."""
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        yield
    finally:
        root.setLevel(level)
