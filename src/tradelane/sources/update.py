"""``tradelane update``: fetch the configured remote sources, cache each raw response, parse it.

Sources are listed in a TOML file::

    cache_dir = "~/.cache/tradelane/responses"   # optional

    [[source]]
    name = "comtrade-magnets"      # letters, digits, - and _
    kind = "comtrade"              # UN Comtrade API v1
    reporter_code = 156            # Comtrade's own numeric codes: 156 China
    partner_codes = [842, 276, 392, 0]   # 842 USA, 276 Germany, 392 Japan, 0 World
    commodities = ["850511"]
    periods = ["202510", "202511"] # YYYYMM (frequency M) or YYYY (frequency A)
    frequency = "M"

    [[source]]
    name = "lpr-table"
    kind = "url"                   # any file a registered importer reads
    url = "https://example.org/lpr.csv"
    format = "lpr"

Each response is written to ``<cache_dir>/<name>/<UTC fetch time>.<ext>`` with a
``.meta.json`` beside it (URL without the key, status, fetch time), then parsed
from that file by the named importer, with the fetch date as the vintage: the
figures are stored as what the source said on that day. The Comtrade key comes
from ``COMTRADE_API_KEY`` (through :class:`~tradelane.config.Settings`) and is
sent as the ``Ocp-Apim-Subscription-Key`` header; without a key the public
preview endpoint is used. Nothing here touches the store: the caller ingests
the returned batches.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError, DataFileError, SourceError
from .base import Batch
from .fetch import Fetched, Fetcher

__all__ = ["COMTRADE_API", "COMTRADE_PREVIEW", "SourceSpec", "UpdateConfig", "UpdateItem", "load_config",
           "run_update"]

COMTRADE_API = "https://comtradeapi.un.org/data/v1/get/C/{freq}/HS"
COMTRADE_PREVIEW = "https://comtradeapi.un.org/public/v1/preview/C/{freq}/HS"
_NAME_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_KINDS = ("comtrade", "url")


@dataclass(frozen=True)
class SourceSpec:
    """One configured remote source."""

    name: str
    kind: str
    url: str = ""
    format: str = "auto"
    reporter_code: int = 156
    partner_codes: tuple[int, ...] = ()
    commodities: tuple[str, ...] = ()
    periods: tuple[str, ...] = ()
    frequency: str = "M"


@dataclass(frozen=True)
class UpdateConfig:
    """The parsed sources file."""

    path: Path
    sources: tuple[SourceSpec, ...]
    cache_dir: Path | None = None


@dataclass
class UpdateItem:
    """What one source gave: the cached raw response and its parsed batch."""

    name: str
    url: str
    cache_path: Path
    fetched: Fetched
    format: str
    batch: Batch
    extra: dict[str, Any] = field(default_factory=dict)


def load_config(path: Path) -> UpdateConfig:
    """Read and validate a sources file; errors name the file and the source.

    Raises:
        ConfigError: unreadable TOML, unknown keys or kinds, missing or malformed fields.
    """
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such sources file; create one (see docs/sources.md)") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read: {e}") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: not valid TOML: {e}") from None
    unknown = set(doc) - {"cache_dir", "source"}
    if unknown:
        raise ConfigError(f"{path}: unknown top-level key(s) {', '.join(sorted(unknown))}; expected cache_dir and "
                          "[[source]] tables")
    raw_sources = doc.get("source", [])
    if not isinstance(raw_sources, list) or not raw_sources:
        raise ConfigError(f"{path}: no [[source]] tables")
    specs: list[SourceSpec] = []
    seen: set[str] = set()
    for i, s in enumerate(raw_sources, start=1):
        specs.append(_spec(path, i, s, seen))
    cache = doc.get("cache_dir")
    if cache is not None and not isinstance(cache, str):
        raise ConfigError(f"{path}: cache_dir must be a string path")
    return UpdateConfig(path=path, sources=tuple(specs), cache_dir=Path(cache).expanduser() if cache else None)


def _spec(path: Path, i: int, s: Any, seen: set[str]) -> SourceSpec:
    if not isinstance(s, dict):
        raise ConfigError(f"{path}: source {i} is not a table")
    name = s.get("name")
    where = f"{path}: source {i}" + (f" ({name!r})" if isinstance(name, str) else "")
    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise ConfigError(f"{where}: name must be letters, digits, '-' or '_'")
    if name in seen:
        raise ConfigError(f"{where}: name repeats an earlier source")
    seen.add(name)
    kind = s.get("kind")
    if kind not in _KINDS:
        raise ConfigError(f"{where}: kind {kind!r} is not one of {', '.join(_KINDS)}")
    allowed = {"name", "kind"} | ({"url", "format"} if kind == "url" else
                                  {"reporter_code", "partner_codes", "commodities", "periods", "frequency"})
    unknown = set(s) - allowed
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} for kind {kind}")
    if kind == "url":
        url = s.get("url")
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise ConfigError(f"{where}: url must be an http(s) URL")
        fmt = s.get("format", "auto")
        from . import IMPORTERS

        if fmt != "auto" and fmt not in IMPORTERS:
            raise ConfigError(f"{where}: format {fmt!r} is not auto or one of {', '.join(sorted(IMPORTERS))}")
        return SourceSpec(name=name, kind=kind, url=url, format=str(fmt))
    freq = s.get("frequency", "M")
    if freq not in ("M", "A"):
        raise ConfigError(f"{where}: frequency {freq!r} must be M or A")
    reporter = s.get("reporter_code", 156)
    partners = s.get("partner_codes", [])
    cmds = s.get("commodities", [])
    periods = s.get("periods", [])
    if not isinstance(reporter, int) or isinstance(reporter, bool):
        raise ConfigError(f"{where}: reporter_code must be Comtrade's numeric code (156 for China)")
    if not isinstance(partners, list) or not partners or not all(isinstance(p, int) and not isinstance(p, bool)
                                                                 for p in partners):
        raise ConfigError(f"{where}: partner_codes must be a list of Comtrade numeric codes (842 USA, 0 World)")
    if not isinstance(cmds, list) or not cmds or not all(isinstance(c, str) and c.isdigit() for c in cmds):
        raise ConfigError(f"{where}: commodities must be a list of HS codes as strings, e.g. [\"850511\"]")
    plen = 6 if freq == "M" else 4
    if not isinstance(periods, list) or not periods or not all(
            isinstance(p, str) and p.isdigit() and len(p) == plen for p in periods):
        raise ConfigError(f"{where}: periods must be a list of {'YYYYMM' if freq == 'M' else 'YYYY'} strings")
    return SourceSpec(name=name, kind=kind, reporter_code=reporter, partner_codes=tuple(partners),
                      commodities=tuple(cmds), periods=tuple(periods), frequency=freq, format="comtrade")


def _request(spec: SourceSpec, api_key: str | None) -> tuple[str, dict[str, str], dict[str, str]]:
    if spec.kind == "url":
        return spec.url, {}, {}
    base = (COMTRADE_API if api_key else COMTRADE_PREVIEW).format(freq=spec.frequency)
    params = {
        "reporterCode": str(spec.reporter_code),
        "partnerCode": ",".join(str(p) for p in spec.partner_codes),
        "cmdCode": ",".join(spec.commodities),
        "flowCode": "X",
        "period": ",".join(spec.periods),
        "includeDesc": "true",
    }
    headers = {"Ocp-Apim-Subscription-Key": api_key} if api_key else {}
    return base, params, headers


def _extension(spec: SourceSpec, fetched: Fetched) -> str:
    if spec.kind == "comtrade" or "json" in fetched.content_type:
        return ".json"
    suffix = Path(spec.url.split("?")[0]).suffix.lower()
    if suffix in (".csv", ".txt", ".tsv", ".xlsx", ".json"):
        return suffix
    return ".xlsx" if fetched.content.startswith(b"PK\x03\x04") else ".csv"


def _cache(cache_dir: Path, spec: SourceSpec, fetched: Fetched, params: dict[str, str]) -> Path:
    d = cache_dir / spec.name
    d.mkdir(parents=True, exist_ok=True)
    stamp = fetched.fetched_at.strftime("%Y%m%dT%H%M%S%fZ")
    path = d / f"{stamp}{_extension(spec, fetched)}"
    tmp = path.with_suffix(path.suffix + ".part")
    tmp.write_bytes(fetched.content)
    tmp.replace(path)
    meta = {"source": spec.name, "url": fetched.url, "params": params, "status": fetched.status,
            "content_type": fetched.content_type, "fetched_at": fetched.fetched_at.isoformat(),
            "attempts": fetched.attempts, "bytes": len(fetched.content)}
    path.with_name(path.name + ".meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return path


ProgressFn = Callable[[str, int, int, str], None]
"""Called as ``progress(source_name, index, total, stage)`` with stage ``fetching``, ``parsing`` or ``done``."""


def run_update(config: UpdateConfig, *, fetcher: Fetcher, cache_dir: Path, api_key: str | None = None,
               only: set[str] | None = None, progress: ProgressFn | None = None) -> list[UpdateItem]:
    """Fetch every configured source, cache its raw response, and parse it.

    Every source is fetched and parsed before anything is returned, so a failure
    leaves nothing half-done for the caller to ingest (the cache keeps what was
    fetched, for inspection).

    Raises:
        SourceError: a fetch failed (after retries).
        DataFileError: a response is not in the expected format (naming the cached file).
        ConfigError: ``only`` names an unknown source.
    """
    specs = [s for s in config.sources if only is None or s.name in only]
    if only is not None and (missing := only - {s.name for s in config.sources}):
        raise ConfigError(f"{config.path}: no source named {', '.join(sorted(missing))}")
    from . import parse_file

    items: list[UpdateItem] = []
    for i, spec in enumerate(specs, start=1):
        if progress:
            progress(spec.name, i, len(specs), "fetching")
        url, params, headers = _request(spec, api_key)
        try:
            fetched = fetcher.get(url, params=params, headers=headers)
        except SourceError as e:
            raise SourceError(f"source {spec.name!r}: {e}") from None
        path = _cache(cache_dir, spec, fetched, params)
        if progress:
            progress(spec.name, i, len(specs), "parsing")
        try:
            imp, batch = parse_file(path, fmt=spec.format, vintage=fetched.fetched_at.date(),
                                    today=fetched.fetched_at.date())
        except DataFileError as e:
            raise DataFileError(e.file, e.line, f"{e.reason} (response of source {spec.name!r} from "
                                                f"{fetched.url})") from None
        items.append(UpdateItem(name=spec.name, url=fetched.url, cache_path=path, fetched=fetched,
                                format=imp.name, batch=batch))
        if progress:
            progress(spec.name, i, len(specs), "done")
    return items
