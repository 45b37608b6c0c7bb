from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_history_status import TaskHistoryStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.task_history_metadata import TaskHistoryMetadata


T = TypeVar("T", bound="TaskHistory")


@_attrs_define
class TaskHistory:
    """
    Attributes:
        query (str): Task query/command
        started_at (datetime.datetime): Task start timestamp
        status (TaskHistoryStatus): Task execution status
        task_id (UUID): Task UUID
        workflow_id (str): Temporal workflow ID
        agents_used (int | Unset): Number of agents used
        completed_at (datetime.datetime | Unset): Task completion timestamp
        duration_ms (int | Unset): Task duration in milliseconds
        error_message (str | Unset): Error message if task failed
        metadata (TaskHistoryMetadata | Unset): Additional task metadata
        mode (str | Unset): Execution mode
        result (str | Unset): Task result/output
        tools_invoked (int | Unset): Number of tools invoked
        total_cost_usd (float | Unset): Total cost in USD
        total_tokens (int | Unset): Total tokens used
    """

    query: str
    started_at: datetime.datetime
    status: TaskHistoryStatus
    task_id: UUID
    workflow_id: str
    agents_used: int | Unset = UNSET
    completed_at: datetime.datetime | Unset = UNSET
    duration_ms: int | Unset = UNSET
    error_message: str | Unset = UNSET
    metadata: TaskHistoryMetadata | Unset = UNSET
    mode: str | Unset = UNSET
    result: str | Unset = UNSET
    tools_invoked: int | Unset = UNSET
    total_cost_usd: float | Unset = UNSET
    total_tokens: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        query = self.query

        started_at = self.started_at.isoformat()

        status = self.status.value

        task_id = str(self.task_id)

        workflow_id = self.workflow_id

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

        result = self.result

        tools_invoked = self.tools_invoked

        total_cost_usd = self.total_cost_usd

        total_tokens = self.total_tokens

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "query": query,
                "started_at": started_at,
                "status": status,
                "task_id": task_id,
                "workflow_id": workflow_id,
            }
        )
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
        if result is not UNSET:
            field_dict["result"] = result
        if tools_invoked is not UNSET:
            field_dict["tools_invoked"] = tools_invoked
        if total_cost_usd is not UNSET:
            field_dict["total_cost_usd"] = total_cost_usd
        if total_tokens is not UNSET:
            field_dict["total_tokens"] = total_tokens

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.task_history_metadata import TaskHistoryMetadata

        d = dict(src_dict)
        query = d.pop("query")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        status = TaskHistoryStatus(d.pop("status"))

        task_id = UUID(d.pop("task_id"))

        workflow_id = d.pop("workflow_id")

        agents_used = d.pop("agents_used", UNSET)

        _completed_at = d.pop("completed_at", UNSET)
        completed_at: datetime.datetime | Unset
        if isinstance(_completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = datetime.datetime.fromisoformat(_completed_at)

        duration_ms = d.pop("duration_ms", UNSET)

        error_message = d.pop("error_message", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: TaskHistoryMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = TaskHistoryMetadata.from_dict(_metadata)

        mode = d.pop("mode", UNSET)

        result = d.pop("result", UNSET)

        tools_invoked = d.pop("tools_invoked", UNSET)

        total_cost_usd = d.pop("total_cost_usd", UNSET)

        total_tokens = d.pop("total_tokens", UNSET)

        task_history = cls(
            query=query,
            started_at=started_at,
            status=status,
            task_id=task_id,
            workflow_id=workflow_id,
            agents_used=agents_used,
            completed_at=completed_at,
            duration_ms=duration_ms,
            error_message=error_message,
            metadata=metadata,
            mode=mode,
            result=result,
            tools_invoked=tools_invoked,
            total_cost_usd=total_cost_usd,
            total_tokens=total_tokens,
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
