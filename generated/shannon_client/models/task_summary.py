from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null, datetime_or_unset

T = TypeVar("T", bound="TaskSummary")


@_attrs_define
class TaskSummary:
    """
    Attributes:
        completed_at (datetime.datetime | Unset):
        created_at (datetime.datetime | Unset):
        mode (str | Unset):
        query (str | Unset):
        status (str | Unset):
        task_id (str | Unset):
        total_token_usage (TaskSummaryTotalTokenUsage | Unset):
    """

    completed_at: datetime.datetime | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    mode: str | Unset = UNSET
    query: str | Unset = UNSET
    status: str | Unset = UNSET
    task_id: str | Unset = UNSET
    total_token_usage: TaskSummaryTotalTokenUsage | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        completed_at: str | Unset = UNSET
        if not isinstance(self.completed_at, Unset):
            completed_at = self.completed_at.isoformat()

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        mode = self.mode

        query = self.query

        status = self.status

        task_id = self.task_id

        total_token_usage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.total_token_usage, Unset):
            total_token_usage = self.total_token_usage.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if mode is not UNSET:
            field_dict["mode"] = mode
        if query is not UNSET:
            field_dict["query"] = query
        if status is not UNSET:
            field_dict["status"] = status
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if total_token_usage is not UNSET:
            field_dict["total_token_usage"] = total_token_usage

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _completed_at = absent_if_null(d.pop("completed_at", UNSET))
        completed_at: datetime.datetime | Unset
        if isinstance(_completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = datetime_or_unset(_completed_at)

        if isinstance(completed_at, Unset) and not isinstance(_completed_at, Unset):
            d["completed_at"] = _completed_at

        _created_at = absent_if_null(d.pop("created_at", UNSET))
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime_or_unset(_created_at)

        if isinstance(created_at, Unset) and not isinstance(_created_at, Unset):
            d["created_at"] = _created_at

        mode = absent_if_null(d.pop("mode", UNSET))

        query = absent_if_null(d.pop("query", UNSET))

        status = absent_if_null(d.pop("status", UNSET))

        task_id = absent_if_null(d.pop("task_id", UNSET))

        _total_token_usage = absent_if_null(d.pop("total_token_usage", UNSET))
        total_token_usage: TaskSummaryTotalTokenUsage | Unset
        if isinstance(_total_token_usage, Unset):
            total_token_usage = UNSET
        else:
            total_token_usage = TaskSummaryTotalTokenUsage.from_dict(_total_token_usage)

        task_summary = cls(
            completed_at=completed_at,
            created_at=created_at,
            mode=mode,
            query=query,
            status=status,
            task_id=task_id,
            total_token_usage=total_token_usage,
        )

        task_summary.additional_properties = d
        return task_summary

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


from ..models.task_summary_total_token_usage import TaskSummaryTotalTokenUsage
