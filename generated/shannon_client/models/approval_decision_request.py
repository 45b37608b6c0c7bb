from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="ApprovalDecisionRequest")


@_attrs_define
class ApprovalDecisionRequest:
    """
    Attributes:
        approval_id (str): Unique approval identifier
        approved (bool): Whether the action is approved
        workflow_id (str): Workflow ID requiring approval
        approved_by (str | Unset): User who approved (defaults to authenticated user)
        feedback (str | Unset): Optional feedback message
        modified_action (str | Unset): Optional modified action if approved with changes
        run_id (str | Unset): Optional run ID
    """

    approval_id: str
    approved: bool
    workflow_id: str
    approved_by: str | Unset = UNSET
    feedback: str | Unset = UNSET
    modified_action: str | Unset = UNSET
    run_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approval_id = self.approval_id

        approved = self.approved

        workflow_id = self.workflow_id

        approved_by = self.approved_by

        feedback = self.feedback

        modified_action = self.modified_action

        run_id = self.run_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approval_id": approval_id,
                "approved": approved,
                "workflow_id": workflow_id,
            }
        )
        if approved_by is not UNSET:
            field_dict["approved_by"] = approved_by
        if feedback is not UNSET:
            field_dict["feedback"] = feedback
        if modified_action is not UNSET:
            field_dict["modified_action"] = modified_action
        if run_id is not UNSET:
            field_dict["run_id"] = run_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        approval_id = d.pop("approval_id")

        approved = d.pop("approved")

        workflow_id = d.pop("workflow_id")

        approved_by = absent_if_null(d.pop("approved_by", UNSET))

        feedback = absent_if_null(d.pop("feedback", UNSET))

        modified_action = absent_if_null(d.pop("modified_action", UNSET))

        run_id = absent_if_null(d.pop("run_id", UNSET))

        approval_decision_request = cls(
            approval_id=approval_id,
            approved=approved,
            workflow_id=workflow_id,
            approved_by=approved_by,
            feedback=feedback,
            modified_action=modified_action,
            run_id=run_id,
        )

        approval_decision_request.additional_properties = d
        return approval_decision_request

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
