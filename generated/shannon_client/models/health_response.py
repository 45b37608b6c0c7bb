from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null, datetime_or_unset

T = TypeVar("T", bound="HealthResponse")


@_attrs_define
class HealthResponse:
    """
    Attributes:
        checks (HealthResponseChecks | Unset):
        time (datetime.datetime | Unset):
        version (str | Unset):
    """

    checks: HealthResponseChecks | Unset = UNSET
    time: datetime.datetime | Unset = UNSET
    version: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checks: dict[str, Any] | Unset = UNSET
        if not isinstance(self.checks, Unset):
            checks = self.checks.to_dict()

        time: str | Unset = UNSET
        if not isinstance(self.time, Unset):
            time = self.time.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if checks is not UNSET:
            field_dict["checks"] = checks
        if time is not UNSET:
            field_dict["time"] = time
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _checks = absent_if_null(d.pop("checks", UNSET))
        checks: HealthResponseChecks | Unset
        if isinstance(_checks, Unset):
            checks = UNSET
        else:
            checks = HealthResponseChecks.from_dict(_checks)

        _time = absent_if_null(d.pop("time", UNSET))
        time: datetime.datetime | Unset
        if isinstance(_time, Unset):
            time = UNSET
        else:
            time = datetime_or_unset(_time)

        if isinstance(time, Unset) and not isinstance(_time, Unset):
            d["time"] = _time

        version = absent_if_null(d.pop("version", UNSET))

        health_response = cls(
            checks=checks,
            time=time,
            version=version,
        )

        health_response.additional_properties = d
        return health_response

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


from ..models.health_response_checks import HealthResponseChecks
