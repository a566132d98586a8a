from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Correction")


@_attrs_define
class Correction:
    """
    Attributes:
        epoch (int): 0-based epoch index.
        stage (str): W, N1, N2, N3 or REM.
    """

    epoch: int
    stage: str

    def to_dict(self) -> dict[str, Any]:
        epoch = self.epoch

        stage = self.stage

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "epoch": epoch,
                "stage": stage,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        epoch = d.pop("epoch")

        stage = d.pop("stage")

        correction = cls(
            epoch=epoch,
            stage=stage,
        )

        return correction
