from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_execution_result_status import TaskExecutionResultStatus
from ..types import UNSET, Unset, absent_if_null, datetime_or_unset

T = TypeVar("T", bound="TaskExecutionResult")


@_attrs_define
class TaskExecutionResult:
    """
    Attributes:
        status (TaskExecutionResultStatus): Execution status
        id (str | Unset): Unique identifier for the execution result
        task_version_id (str | Unset): Task version identifier
        version (str | Unset): Version that was executed
        output (None | str | Unset): Task execution output
        error_message (None | str | Unset): Error message if execution failed
        start_time (datetime.datetime | Unset): Execution start time
        execution_time (float | None | Unset): Execution duration in milliseconds
    """

    status: TaskExecutionResultStatus
    id: str | Unset = UNSET
    task_version_id: str | Unset = UNSET
    version: str | Unset = UNSET
    output: None | str | Unset = UNSET
    error_message: None | str | Unset = UNSET
    start_time: datetime.datetime | Unset = UNSET
    execution_time: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        id = self.id

        task_version_id = self.task_version_id

        version = self.version

        output: None | str | Unset
        if isinstance(self.output, Unset):
            output = UNSET
        else:
            output = self.output

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        start_time: str | Unset = UNSET
        if not isinstance(self.start_time, Unset):
            start_time = self.start_time.isoformat()

        execution_time: float | None | Unset
        if isinstance(self.execution_time, Unset):
            execution_time = UNSET
        else:
            execution_time = self.execution_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if task_version_id is not UNSET:
            field_dict["taskVersionId"] = task_version_id
        if version is not UNSET:
            field_dict["version"] = version
        if output is not UNSET:
            field_dict["output"] = output
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message
        if start_time is not UNSET:
            field_dict["startTime"] = start_time
        if execution_time is not UNSET:
            field_dict["executionTime"] = execution_time

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = TaskExecutionResultStatus(d.pop("status"))

        id = absent_if_null(d.pop("id", UNSET))

        task_version_id = absent_if_null(d.pop("taskVersionId", UNSET))

        version = absent_if_null(d.pop("version", UNSET))

        def _parse_output(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        output = _parse_output(d.pop("output", UNSET))

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("errorMessage", UNSET))

        _start_time = absent_if_null(d.pop("startTime", UNSET))
        start_time: datetime.datetime | Unset
        if isinstance(_start_time, Unset):
            start_time = UNSET
        else:
            start_time = datetime_or_unset(_start_time)

        if isinstance(start_time, Unset) and not isinstance(_start_time, Unset):
            d["startTime"] = _start_time

        def _parse_execution_time(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        execution_time = _parse_execution_time(d.pop("executionTime", UNSET))

        task_execution_result = cls(
            status=status,
            id=id,
            task_version_id=task_version_id,
            version=version,
            output=output,
            error_message=error_message,
            start_time=start_time,
            execution_time=execution_time,
        )

        task_execution_result.additional_properties = d
        return task_execution_result

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
