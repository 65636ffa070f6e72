"""Rolling backups of a project file, made with SQLite's online backup API, and restoring one.

Backups live in a folder beside the project, ``<project file>.backups/``, one self-contained
SQLite file each (rollback journal mode, no -wal beside it), named
``<project file name>.<UTC time>.<reason>.db`` (reason: ``open``, ``timer``, ``manual`` or
``before-restore``). A backup is written to a temporary name and renamed into place, so a crash
never leaves a half-written backup under a backup's name. :func:`make_backup` keeps the newest
``keep`` of them and deletes older ones; files it did not name are never touched.

The copies written before a schema migration (``<project file name>.v<N>.<time>.bak``, beside the
project; see :meth:`Project.open`) are listed too, and never deleted here.

:func:`restore_backup` checks the backup (an annotator project that passes ``PRAGMA
integrity_check``, of a schema this version can open), backs up the current project (reason
``before-restore``), then copies the backup into the project file through the backup API: under
SQLite's locks, in one step, with the project's WAL mode kept, so another program with the
project open sees either the old or the restored database. The caller opens the project again.

A project file too damaged for SQLite to write into is replaced as a file instead (its -wal and
-shm removed), after its bytes were copied to the backup folder.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.store.project import BUSY_TIMEOUT_MS, Project
from annotator.store.schema import SCHEMA_VERSION

FOLDER_SUFFIX = ".backups"
DEFAULT_KEEP = 10
DEFAULT_EVERY_MINUTES = 10
REASONS = ("open", "timer", "manual", "before-restore")
_STAMP = "%Y%m%dT%H%M%S%fZ"
_NAME = re.compile(r"\.(?P<stamp>\d{8}T\d{12}Z)\.(?P<reason>[a-z-]+)\.db$")
_MIGRATION = re.compile(r"\.v(?P<version>\d+)\.(?P<stamp>\d{8}T\d{12})\.bak$")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: when it was made, and why."""

    path: Path
    created: datetime  # UTC
    reason: str  # one of REASONS, or "before-upgrade" (a migration's copy)
    size: int
    schema: int | None = None  # the schema version it was made at (migration copies say so)

    @property
    def rolling(self) -> bool:
        """Made (and pruned) by :func:`make_backup`, not a migration's copy."""
        return self.reason in REASONS

    def describe(self) -> str:
        """What a person reads in the backup list: local time and reason."""
        when = self.created.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        why = {
            "open": "on opening",
            "timer": "timed",
            "manual": "made by hand",
            "before-restore": "before a restore",
            "before-upgrade": f"before upgrading from schema {self.schema}",
        }.get(self.reason, self.reason)
        return f"{when} ({why})"


@dataclass(frozen=True)
class BackupContents:
    documents: int
    spans: int
    relations: int
    annotators: list[str]


def backup_folder(project_path: str | Path) -> Path:
    path = Path(project_path)
    return path.with_name(path.name + FOLDER_SUFFIX)


def list_backups(project_path: str | Path) -> list[BackupInfo]:
    """The project's backups, newest first (rolling ones and the migration copies)."""
    path = Path(project_path)
    found: list[BackupInfo] = []
    folder = backup_folder(path)
    if folder.is_dir():
        for file in folder.iterdir():
            match = _NAME.search(file.name)
            if match is None or not file.name.startswith(path.name + ".") or not file.is_file():
                continue
            try:
                created = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
            except ValueError:
                continue
            found.append(BackupInfo(file, created, match["reason"], file.stat().st_size))
    if path.parent.is_dir():
        for file in path.parent.glob(f"{glob_escape(path.name)}.v*.bak"):
            match = _MIGRATION.search(file.name)
            if match is None:
                continue
            try:
                created = datetime.strptime(match["stamp"], "%Y%m%dT%H%M%S%f").replace(tzinfo=UTC)
            except ValueError:
                continue
            found.append(BackupInfo(file, created, "before-upgrade", file.stat().st_size, int(match["version"])))
    return sorted(found, key=lambda b: b.created, reverse=True)


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def last_change(project_path: str | Path) -> float:
    """When the project's content last changed on disk (its file, or a non-empty -wal)."""
    path = Path(project_path)
    times = [path.stat().st_mtime]
    wal = path.with_name(path.name + "-wal")
    try:
        stat = wal.stat()
    except FileNotFoundError:
        pass
    else:
        if stat.st_size > 0:
            times.append(stat.st_mtime)
    return max(times)


def needs_backup(project_path: str | Path) -> bool:
    """False when the newest rolling backup is younger than the project's last change."""
    rolling = [b for b in list_backups(project_path) if b.rolling]
    if not rolling:
        return True
    return rolling[0].created.timestamp() < last_change(project_path)


def make_backup(
    project: Project | str | Path, *, reason: str = "manual", keep: int = DEFAULT_KEEP, folder: Path | None = None
) -> BackupInfo:
    """Back up ``project`` (an open Project, or a project file's path) into its backup folder,
    then delete all but the newest ``keep`` rolling backups. Raises AnnotatorError on failure."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    if keep < 1:
        raise ValueError("keep at least one backup")
    if isinstance(project, Project):
        if project.path is None:
            raise AnnotatorError("an in-memory project has no file to back up")
        path, source, own = Path(project.path), project.conn, False
    else:
        path = Path(project)
        source, own = _connect(path, readonly=True), True
    folder = folder or backup_folder(path)
    created = datetime.now(UTC)
    final = folder / f"{path.name}.{created.strftime(_STAMP)}.{reason}.db"
    tmp = folder / f".{final.name}.tmp"
    try:
        folder.mkdir(exist_ok=True)
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            target.close()
        with open(tmp, "rb") as stream:
            os.fsync(stream.fileno())
        os.replace(tmp, final)
    except (OSError, sqlite3.Error) as exc:
        with suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise AnnotatorError(f"{path}: could not write a backup in {folder} ({exc})") from exc
    finally:
        if own:
            source.close()
    info = BackupInfo(final, created, reason, final.stat().st_size)
    prune(path, keep)
    return info


def prune(project_path: str | Path, keep: int) -> list[Path]:
    """Delete the rolling backups beyond the newest ``keep``; returns what was deleted."""
    rolling = [b for b in list_backups(project_path) if b.rolling]
    gone = []
    for old in rolling[keep:]:
        try:
            old.path.unlink()
        except FileNotFoundError:
            continue
        gone.append(old.path)
    return gone


def _connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    if readonly:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    return sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)


def check_backup(backup: str | Path) -> BackupContents:
    """What a backup holds; AnnotatorError if it is not a whole project this version can open."""
    backup = Path(backup)
    if not backup.is_file():
        raise AnnotatorError(f"{backup}: no such backup")
    try:
        conn = _connect(backup, readonly=True)
    except sqlite3.Error as exc:
        raise AnnotatorError(f"{backup}: cannot open the backup ({exc})") from exc
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version < 1:
            raise AnnotatorError(f"{backup}: not an annotator project")
        if version > SCHEMA_VERSION:
            raise AnnotatorError(
                f"{backup}: made by a newer annotator (schema {version}, this version reads up to {SCHEMA_VERSION})"
            )
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
        if problems:
            raise AnnotatorError(f"{backup}: the backup is damaged ({problems[0]})")
        count = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "spans", "relations")]
        names = [row[0] for row in conn.execute("SELECT name FROM annotators ORDER BY name")]
    except sqlite3.DatabaseError as exc:
        raise AnnotatorError(f"{backup}: not a readable annotator project ({exc})") from exc
    finally:
        conn.close()
    return BackupContents(count[0], count[1], count[2], names)


def restore_backup(project_path: str | Path, backup: str | Path, *, keep: int = DEFAULT_KEEP) -> BackupInfo:
    """Replace the project at ``project_path`` with ``backup``; returns the backup made first of
    the project as it was. Open the project again afterwards (a restored older schema migrates
    then). Raises AnnotatorError, leaving the project as it was, if the backup is unusable."""
    path, backup = Path(project_path), Path(backup)
    check_backup(backup)
    if path.exists() and backup.resolve() == path.resolve():
        raise AnnotatorError(f"{backup}: is the project itself")
    # A damaged project is kept byte for byte (with its -wal), for whoever wants to rescue it.
    safety = make_backup(path, reason="before-restore", keep=max(keep, 1)) if _is_whole(path) else _copy_damaged(path)
    source = _connect(backup, readonly=True)
    try:
        target = _connect(path, readonly=False)
        try:
            target.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            source.backup(target)
        finally:
            target.close()
    except sqlite3.OperationalError as exc:  # busy: another program kept the project locked
        raise AnnotatorError(
            f"{path}: could not restore {backup.name} ({exc}); the project is as it was, "
            f"and a copy of it is at {safety.path}"
        ) from exc
    except sqlite3.DatabaseError:
        # The project file is too damaged for SQLite to write into: replace the file itself.
        _replace_file(path, backup)
    finally:
        source.close()
    return safety


def _replace_file(path: Path, backup: Path) -> None:
    tmp = path.with_name(f".{path.name}.restore.tmp")
    shutil.copyfile(backup, tmp)
    with open(tmp, "rb") as stream:
        os.fsync(stream.fileno())
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    os.replace(tmp, path)


def _is_whole(path: Path) -> bool:
    try:
        conn = _connect(path, readonly=True)
        try:
            return [row[0] for row in conn.execute("PRAGMA quick_check")] == ["ok"]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def _copy_damaged(path: Path) -> BackupInfo:
    folder = backup_folder(path)
    folder.mkdir(exist_ok=True)
    created = datetime.now(UTC)
    final = folder / f"{path.name}.{created.strftime(_STAMP)}.before-restore.db"
    shutil.copyfile(path, final)
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            shutil.copyfile(extra, final.with_name(final.name + suffix))
    return BackupInfo(final, created, "before-restore", final.stat().st_size)
