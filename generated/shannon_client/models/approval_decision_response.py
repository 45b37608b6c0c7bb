from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="ApprovalDecisionResponse")


@_attrs_define
class ApprovalDecisionResponse:
    """
    Attributes:
        approval_id (str | Unset): Approval ID
        message (str | Unset): Status message
        run_id (str | Unset): Run ID
        status (str | Unset): Status of the approval submission
        success (bool | Unset): Whether the approval was successfully submitted
        workflow_id (str | Unset): Workflow ID
    """

    approval_id: str | Unset = UNSET
    message: str | Unset = UNSET
    run_id: str | Unset = UNSET
    status: str | Unset = UNSET
    success: bool | Unset = UNSET
    workflow_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approval_id = self.approval_id

        message = self.message

        run_id = self.run_id

        status = self.status

        success = self.success

        workflow_id = self.workflow_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if approval_id is not UNSET:
            field_dict["approval_id"] = approval_id
        if message is not UNSET:
            field_dict["message"] = message
        if run_id is not UNSET:
            field_dict["run_id"] = run_id
        if status is not UNSET:
            field_dict["status"] = status
        if success is not UNSET:
            field_dict["success"] = success
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        approval_id = absent_if_null(d.pop("approval_id", UNSET))

        message = absent_if_null(d.pop("message", UNSET))

        run_id = absent_if_null(d.pop("run_id", UNSET))

        status = absent_if_null(d.pop("status", UNSET))

        success = absent_if_null(d.pop("success", UNSET))

        workflow_id = absent_if_null(d.pop("workflow_id", UNSET))

        approval_decision_response = cls(
            approval_id=approval_id,
            message=message,
            run_id=run_id,
            status=status,
            success=success,
            workflow_id=workflow_id,
        )

        approval_decision_response.additional_properties = d
        return approval_decision_response

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
