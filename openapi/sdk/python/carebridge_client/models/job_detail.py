from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.stage_correction import StageCorrection


T = TypeVar("T", bound="JobDetail")


@_attrs_define
class JobDetail:
    """`GET /inference/jobs/{id}`: the job, and the doctors' corrections of its result by epoch
    (sleep staging; empty otherwise). `result` stays the model's own answer.

        Attributes:
            attempts (int):
            corrections (list[StageCorrection]):
            created_at (datetime.datetime):
            document_id (UUID):
            error (None | str):
            finished_at (datetime.datetime | None):
            id (UUID):
            kind (str):
            model_version (None | str):
            patient_id (UUID):
            progress (float): 0 to 1 while running.
            result (Any):
            started_at (datetime.datetime | None):
            status (str): `queued`, `running`, `succeeded`, `failed` or `cancelled`.
    """

    attempts: int
    corrections: list[StageCorrection]
    created_at: datetime.datetime
    document_id: UUID
    error: None | str
    finished_at: datetime.datetime | None
    id: UUID
    kind: str
    model_version: None | str
    patient_id: UUID
    progress: float
    result: Any
    started_at: datetime.datetime | None
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        corrections = []
        for corrections_item_data in self.corrections:
            corrections_item = corrections_item_data.to_dict()
            corrections.append(corrections_item)

        created_at = self.created_at.isoformat()

        document_id = str(self.document_id)

        error: None | str
        error = self.error

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        id = str(self.id)

        kind = self.kind

        model_version: None | str
        model_version = self.model_version

        patient_id = str(self.patient_id)

        progress = self.progress

        result = self.result

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempts": attempts,
                "corrections": corrections,
                "created_at": created_at,
                "document_id": document_id,
                "error": error,
                "finished_at": finished_at,
                "id": id,
                "kind": kind,
                "model_version": model_version,
                "patient_id": patient_id,
                "progress": progress,
                "result": result,
                "started_at": started_at,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stage_correction import StageCorrection  # noqa: PLC0415

        d = dict(src_dict)
        attempts = d.pop("attempts")

        corrections = []
        _corrections = d.pop("corrections")
        for corrections_item_data in _corrections:
            corrections_item = StageCorrection.from_dict(corrections_item_data)

            corrections.append(corrections_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        document_id = UUID(d.pop("document_id"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        def _parse_model_version(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        model_version = _parse_model_version(d.pop("model_version"))

        patient_id = UUID(d.pop("patient_id"))

        progress = d.pop("progress")

        result = d.pop("result")

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        status = d.pop("status")

        job_detail = cls(
            attempts=attempts,
            corrections=corrections,
            created_at=created_at,
            document_id=document_id,
            error=error,
            finished_at=finished_at,
            id=id,
            kind=kind,
            model_version=model_version,
            patient_id=patient_id,
            progress=progress,
            result=result,
            started_at=started_at,
            status=status,
        )

        job_detail.additional_properties = d
        return job_detail

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
