from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.execute_task_sync_response_verification_status import (
    ExecuteTaskSyncResponseVerificationStatus,
)
from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="ExecuteTaskSyncResponse")


@_attrs_define
class ExecuteTaskSyncResponse:
    """Synchronous response of task execution.

    Attributes:
        execution_id (str | Unset): The ID of the task execution.
        clear_text_solution (ExecuteTaskSyncResponseClearTextSolution | Unset): The result of the task execution.
        verification_status (ExecuteTaskSyncResponseVerificationStatus | Unset): The status of the task verification.
        signature (ExecutionSignature | Unset): Signature details of the execution.
    """

    execution_id: str | Unset = UNSET
    clear_text_solution: ExecuteTaskSyncResponseClearTextSolution | Unset = UNSET
    verification_status: ExecuteTaskSyncResponseVerificationStatus | Unset = UNSET
    signature: ExecutionSignature | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        execution_id = self.execution_id

        clear_text_solution: dict[str, Any] | Unset = UNSET
        if not isinstance(self.clear_text_solution, Unset):
            clear_text_solution = self.clear_text_solution.to_dict()

        verification_status: str | Unset = UNSET
        if not isinstance(self.verification_status, Unset):
            verification_status = self.verification_status.value

        signature: dict[str, Any] | Unset = UNSET
        if not isinstance(self.signature, Unset):
            signature = self.signature.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if execution_id is not UNSET:
            field_dict["executionId"] = execution_id
        if clear_text_solution is not UNSET:
            field_dict["clearTextSolution"] = clear_text_solution
        if verification_status is not UNSET:
            field_dict["verificationStatus"] = verification_status
        if signature is not UNSET:
            field_dict["signature"] = signature

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        execution_id = absent_if_null(d.pop("executionId", UNSET))

        _clear_text_solution = absent_if_null(d.pop("clearTextSolution", UNSET))
        clear_text_solution: ExecuteTaskSyncResponseClearTextSolution | Unset
        if isinstance(_clear_text_solution, Unset):
            clear_text_solution = UNSET
        else:
            clear_text_solution = ExecuteTaskSyncResponseClearTextSolution.from_dict(
                _clear_text_solution
            )

        _verification_status = absent_if_null(d.pop("verificationStatus", UNSET))
        verification_status: ExecuteTaskSyncResponseVerificationStatus | Unset
        if isinstance(_verification_status, Unset):
            verification_status = UNSET
        else:
            verification_status = ExecuteTaskSyncResponseVerificationStatus(
                _verification_status
            )

        _signature = absent_if_null(d.pop("signature", UNSET))
        signature: ExecutionSignature | Unset
        if isinstance(_signature, Unset):
            signature = UNSET
        else:
            signature = ExecutionSignature.from_dict(_signature)

        execute_task_sync_response = cls(
            execution_id=execution_id,
            clear_text_solution=clear_text_solution,
            verification_status=verification_status,
            signature=signature,
        )

        execute_task_sync_response.additional_properties = d
        return execute_task_sync_response

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


from ..models.execute_task_sync_response_clear_text_solution import (
    ExecuteTaskSyncResponseClearTextSolution,
)
from ..models.execution_signature import ExecutionSignature
