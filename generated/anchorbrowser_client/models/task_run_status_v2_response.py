from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_run_status_v2_response_status import TaskRunStatusV2ResponseStatus
from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="TaskRunStatusV2Response")


@_attrs_define
class TaskRunStatusV2Response:
    """
    Attributes:
        status (TaskRunStatusV2ResponseStatus): Current task run status
        run_id (str | Unset): The ID of the task run
        result (None | TaskRunStatusV2ResponseResultType0 | Unset): Task output when available
        error (None | str | Unset): Error message when the run fails
        session_id (str | Unset): Session ID used for this task run
    """

    status: TaskRunStatusV2ResponseStatus
    run_id: str | Unset = UNSET
    result: None | TaskRunStatusV2ResponseResultType0 | Unset = UNSET
    error: None | str | Unset = UNSET
    session_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        run_id = self.run_id

        result: dict[str, Any] | None | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        elif isinstance(self.result, TaskRunStatusV2ResponseResultType0):
            result = self.result.to_dict()
        else:
            result = self.result

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        session_id = self.session_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if run_id is not UNSET:
            field_dict["run_id"] = run_id
        if result is not UNSET:
            field_dict["result"] = result
        if error is not UNSET:
            field_dict["error"] = error
        if session_id is not UNSET:
            field_dict["session_id"] = session_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = TaskRunStatusV2ResponseStatus(d.pop("status"))

        run_id = absent_if_null(d.pop("run_id", UNSET))

        def _parse_result(
            data: object,
        ) -> None | TaskRunStatusV2ResponseResultType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = TaskRunStatusV2ResponseResultType0.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskRunStatusV2ResponseResultType0 | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        session_id = absent_if_null(d.pop("session_id", UNSET))

        task_run_status_v2_response = cls(
            status=status,
            run_id=run_id,
            result=result,
            error=error,
            session_id=session_id,
        )

        task_run_status_v2_response.additional_properties = d
        return task_run_status_v2_response

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


from ..models.task_run_status_v2_response_result_type_0 import (
    TaskRunStatusV2ResponseResultType0,
)
