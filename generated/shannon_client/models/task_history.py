from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_history_status import TaskHistoryStatus
from ..types import UNSET, Unset, absent_if_null, datetime_or_unset

T = TypeVar("T", bound="TaskHistory")


@_attrs_define
class TaskHistory:
    """
    Attributes:
        agents_used (int | Unset): Number of agents used
        completed_at (datetime.datetime | Unset): Task completion timestamp
        duration_ms (int | Unset): Task duration in milliseconds
        error_message (str | Unset): Error message if task failed
        metadata (TaskHistoryMetadata | Unset): Additional task metadata
        mode (str | Unset): Execution mode
        query (str | Unset): Task query/command
        result (str | Unset): Task result/output
        started_at (datetime.datetime | Unset): Task start timestamp
        status (TaskHistoryStatus | Unset): Task execution status
        task_id (UUID | Unset): Task UUID
        tools_invoked (int | Unset): Number of tools invoked
        total_cost_usd (float | Unset): Total cost in USD
        total_tokens (int | Unset): Total tokens used
        workflow_id (str | Unset): Temporal workflow ID
    """

    agents_used: int | Unset = UNSET
    completed_at: datetime.datetime | Unset = UNSET
    duration_ms: int | Unset = UNSET
    error_message: str | Unset = UNSET
    metadata: TaskHistoryMetadata | Unset = UNSET
    mode: str | Unset = UNSET
    query: str | Unset = UNSET
    result: str | Unset = UNSET
    started_at: datetime.datetime | Unset = UNSET
    status: TaskHistoryStatus | Unset = UNSET
    task_id: UUID | Unset = UNSET
    tools_invoked: int | Unset = UNSET
    total_cost_usd: float | Unset = UNSET
    total_tokens: int | Unset = UNSET
    workflow_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agents_used = self.agents_used

        completed_at: str | Unset = UNSET
        if not isinstance(self.completed_at, Unset):
            completed_at = self.completed_at.isoformat()

        duration_ms = self.duration_ms

        error_message = self.error_message

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        mode = self.mode

        query = self.query

        result = self.result

        started_at: str | Unset = UNSET
        if not isinstance(self.started_at, Unset):
            started_at = self.started_at.isoformat()

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        task_id: str | Unset = UNSET
        if not isinstance(self.task_id, Unset):
            task_id = str(self.task_id)

        tools_invoked = self.tools_invoked

        total_cost_usd = self.total_cost_usd

        total_tokens = self.total_tokens

        workflow_id = self.workflow_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if agents_used is not UNSET:
            field_dict["agents_used"] = agents_used
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if duration_ms is not UNSET:
            field_dict["duration_ms"] = duration_ms
        if error_message is not UNSET:
            field_dict["error_message"] = error_message
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if mode is not UNSET:
            field_dict["mode"] = mode
        if query is not UNSET:
            field_dict["query"] = query
        if result is not UNSET:
            field_dict["result"] = result
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if status is not UNSET:
            field_dict["status"] = status
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if tools_invoked is not UNSET:
            field_dict["tools_invoked"] = tools_invoked
        if total_cost_usd is not UNSET:
            field_dict["total_cost_usd"] = total_cost_usd
        if total_tokens is not UNSET:
            field_dict["total_tokens"] = total_tokens
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        agents_used = absent_if_null(d.pop("agents_used", UNSET))

        _completed_at = absent_if_null(d.pop("completed_at", UNSET))
        completed_at: datetime.datetime | Unset
        if isinstance(_completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = datetime_or_unset(_completed_at)

        if isinstance(completed_at, Unset) and not isinstance(_completed_at, Unset):
            d["completed_at"] = _completed_at

        duration_ms = absent_if_null(d.pop("duration_ms", UNSET))

        error_message = absent_if_null(d.pop("error_message", UNSET))

        _metadata = absent_if_null(d.pop("metadata", UNSET))
        metadata: TaskHistoryMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = TaskHistoryMetadata.from_dict(_metadata)

        mode = absent_if_null(d.pop("mode", UNSET))

        query = absent_if_null(d.pop("query", UNSET))

        result = absent_if_null(d.pop("result", UNSET))

        _started_at = absent_if_null(d.pop("started_at", UNSET))
        started_at: datetime.datetime | Unset
        if isinstance(_started_at, Unset):
            started_at = UNSET
        else:
            started_at = datetime_or_unset(_started_at)

        if isinstance(started_at, Unset) and not isinstance(_started_at, Unset):
            d["started_at"] = _started_at

        _status = absent_if_null(d.pop("status", UNSET))
        status: TaskHistoryStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = TaskHistoryStatus(_status)

        _task_id = absent_if_null(d.pop("task_id", UNSET))
        task_id: UUID | Unset
        if isinstance(_task_id, Unset):
            task_id = UNSET
        else:
            task_id = UUID(_task_id)

        tools_invoked = absent_if_null(d.pop("tools_invoked", UNSET))

        total_cost_usd = absent_if_null(d.pop("total_cost_usd", UNSET))

        total_tokens = absent_if_null(d.pop("total_tokens", UNSET))

        workflow_id = absent_if_null(d.pop("workflow_id", UNSET))

        task_history = cls(
            agents_used=agents_used,
            completed_at=completed_at,
            duration_ms=duration_ms,
            error_message=error_message,
            metadata=metadata,
            mode=mode,
            query=query,
            result=result,
            started_at=started_at,
            status=status,
            task_id=task_id,
            tools_invoked=tools_invoked,
            total_cost_usd=total_cost_usd,
            total_tokens=total_tokens,
            workflow_id=workflow_id,
        )

        task_history.additional_properties = d
        return task_history

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


from ..models.task_history_metadata import TaskHistoryMetadata
