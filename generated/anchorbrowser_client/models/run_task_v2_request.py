from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="RunTaskV2Request")


@_attrs_define
class RunTaskV2Request:
    """
    Attributes:
        input_params (RunTaskV2RequestInputParams): Key-value pairs of input parameters for the task
        identity_id (str | Unset): Optional identity ID to use for the task
        session_id (str | Unset): Optional session ID to run the task in
        cleanup_sessions (bool | Unset): Whether to clean up sessions after execution (default: true) Default: True.
        identity_skip_validation (bool | Unset): When `true` (default), skip profile validation for active identities
            and reuse the saved
            browser profile. Set to `false` to validate the profile and re-authenticate if it is no
            longer signed in. Pending identities still authenticate on first use.
             Default: True.
        sync (bool | Unset): Wait for the task to complete before returning. Defaults to `false`. Default: False.
    """

    input_params: RunTaskV2RequestInputParams
    identity_id: str | Unset = UNSET
    session_id: str | Unset = UNSET
    cleanup_sessions: bool | Unset = True
    identity_skip_validation: bool | Unset = True
    sync: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        input_params = self.input_params.to_dict()

        identity_id = self.identity_id

        session_id = self.session_id

        cleanup_sessions = self.cleanup_sessions

        identity_skip_validation = self.identity_skip_validation

        sync = self.sync

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "input_params": input_params,
            }
        )
        if identity_id is not UNSET:
            field_dict["identity_id"] = identity_id
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if cleanup_sessions is not UNSET:
            field_dict["cleanup_sessions"] = cleanup_sessions
        if identity_skip_validation is not UNSET:
            field_dict["identity_skip_validation"] = identity_skip_validation
        if sync is not UNSET:
            field_dict["sync"] = sync

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        input_params = RunTaskV2RequestInputParams.from_dict(d.pop("input_params"))

        identity_id = absent_if_null(d.pop("identity_id", UNSET))

        session_id = absent_if_null(d.pop("session_id", UNSET))

        cleanup_sessions = absent_if_null(d.pop("cleanup_sessions", UNSET))

        identity_skip_validation = absent_if_null(
            d.pop("identity_skip_validation", UNSET)
        )

        sync = absent_if_null(d.pop("sync", UNSET))

        run_task_v2_request = cls(
            input_params=input_params,
            identity_id=identity_id,
            session_id=session_id,
            cleanup_sessions=cleanup_sessions,
            identity_skip_validation=identity_skip_validation,
            sync=sync,
        )

        run_task_v2_request.additional_properties = d
        return run_task_v2_request

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


from ..models.run_task_v2_request_input_params import RunTaskV2RequestInputParams
