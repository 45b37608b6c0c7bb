from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_run_status_v2_response_status import TaskRunStatusV2ResponseStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.task_run_status_v2_response_result_type_0 import (
        TaskRunStatusV2ResponseResultType0,
    )


T = TypeVar("T", bound="TaskRunStatusV2Response")


@_attrs_define
class TaskRunStatusV2Response:
    """
    Attributes:
        run_id (str): The ID of the task run
        status (TaskRunStatusV2ResponseStatus): Current task run status
        result (None | TaskRunStatusV2ResponseResultType0 | Unset): Task output when available
        error (None | str | Unset): Error message when the run fails
        session_id (str | Unset): Session ID used for this task run
    """

    run_id: str
    status: TaskRunStatusV2ResponseStatus
    result: None | TaskRunStatusV2ResponseResultType0 | Unset = UNSET
    error: None | str | Unset = UNSET
    session_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.task_run_status_v2_response_result_type_0 import (
            TaskRunStatusV2ResponseResultType0,
        )

        run_id = self.run_id

        status = self.status.value

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
                "run_id": run_id,
                "status": status,
            }
        )
        if result is not UNSET:
            field_dict["result"] = result
        if error is not UNSET:
            field_dict["error"] = error
        if session_id is not UNSET:
            field_dict["session_id"] = session_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.task_run_status_v2_response_result_type_0 import (
            TaskRunStatusV2ResponseResultType0,
        )

        d = dict(src_dict)
        run_id = d.pop("run_id")

        status = TaskRunStatusV2ResponseStatus(d.pop("status"))

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

        session_id = d.pop("session_id", UNSET)

        task_run_status_v2_response = cls(
            run_id=run_id,
            status=status,
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
