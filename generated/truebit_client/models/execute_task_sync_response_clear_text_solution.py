from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.execute_task_sync_response_clear_text_solution_execution_status import (
    ExecuteTaskSyncResponseClearTextSolutionExecutionStatus,
)
from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="ExecuteTaskSyncResponseClearTextSolution")


@_attrs_define
class ExecuteTaskSyncResponseClearTextSolution:
    """The result of the task execution.

    Attributes:
        output (str | Unset): The output of the task execution.
        execution_status (ExecuteTaskSyncResponseClearTextSolutionExecutionStatus | Unset): The status of the task
            execution.
        sender_address (str | Unset): The address of the sender.
        signature (ExecutionSignature | Unset): Signature details of the execution.
    """

    output: str | Unset = UNSET
    execution_status: (
        ExecuteTaskSyncResponseClearTextSolutionExecutionStatus | Unset
    ) = UNSET
    sender_address: str | Unset = UNSET
    signature: ExecutionSignature | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        output = self.output

        execution_status: str | Unset = UNSET
        if not isinstance(self.execution_status, Unset):
            execution_status = self.execution_status.value

        sender_address = self.sender_address

        signature: dict[str, Any] | Unset = UNSET
        if not isinstance(self.signature, Unset):
            signature = self.signature.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if output is not UNSET:
            field_dict["output"] = output
        if execution_status is not UNSET:
            field_dict["executionStatus"] = execution_status
        if sender_address is not UNSET:
            field_dict["senderAddress"] = sender_address
        if signature is not UNSET:
            field_dict["signature"] = signature

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        output = absent_if_null(d.pop("output", UNSET))

        _execution_status = absent_if_null(d.pop("executionStatus", UNSET))
        execution_status: (
            ExecuteTaskSyncResponseClearTextSolutionExecutionStatus | Unset
        )
        if isinstance(_execution_status, Unset):
            execution_status = UNSET
        else:
            execution_status = ExecuteTaskSyncResponseClearTextSolutionExecutionStatus(
                _execution_status
            )

        sender_address = absent_if_null(d.pop("senderAddress", UNSET))

        _signature = absent_if_null(d.pop("signature", UNSET))
        signature: ExecutionSignature | Unset
        if isinstance(_signature, Unset):
            signature = UNSET
        else:
            signature = ExecutionSignature.from_dict(_signature)

        execute_task_sync_response_clear_text_solution = cls(
            output=output,
            execution_status=execution_status,
            sender_address=sender_address,
            signature=signature,
        )

        execute_task_sync_response_clear_text_solution.additional_properties = d
        return execute_task_sync_response_clear_text_solution

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


from ..models.execution_signature import ExecutionSignature
