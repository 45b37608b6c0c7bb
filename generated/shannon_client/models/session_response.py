from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session_response_context import SessionResponseContext


T = TypeVar("T", bound="SessionResponse")


@_attrs_define
class SessionResponse:
    """
    Attributes:
        created_at (datetime.datetime): Session creation timestamp
        session_id (UUID): Unique session identifier
        task_count (int): Number of tasks in this session
        tokens_used (int): Total tokens consumed in this session
        user_id (UUID): User who owns this session
        context (SessionResponseContext | Unset): Session context metadata
        expires_at (datetime.datetime | Unset): Session expiration timestamp
        token_budget (int | Unset): Token budget for the session
        updated_at (datetime.datetime | Unset): Session last update timestamp
    """

    created_at: datetime.datetime
    session_id: UUID
    task_count: int
    tokens_used: int
    user_id: UUID
    context: SessionResponseContext | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET
    token_budget: int | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        session_id = str(self.session_id)

        task_count = self.task_count

        tokens_used = self.tokens_used

        user_id = str(self.user_id)

        context: dict[str, Any] | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context.to_dict()

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        token_budget = self.token_budget

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "session_id": session_id,
                "task_count": task_count,
                "tokens_used": tokens_used,
                "user_id": user_id,
            }
        )
        if context is not UNSET:
            field_dict["context"] = context
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if token_budget is not UNSET:
            field_dict["token_budget"] = token_budget
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.session_response_context import SessionResponseContext

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        session_id = UUID(d.pop("session_id"))

        task_count = d.pop("task_count")

        tokens_used = d.pop("tokens_used")

        user_id = UUID(d.pop("user_id"))

        _context = d.pop("context", UNSET)
        context: SessionResponseContext | Unset
        if isinstance(_context, Unset):
            context = UNSET
        else:
            context = SessionResponseContext.from_dict(_context)

        _expires_at = d.pop("expires_at", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)

        token_budget = d.pop("token_budget", UNSET)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        session_response = cls(
            created_at=created_at,
            session_id=session_id,
            task_count=task_count,
            tokens_used=tokens_used,
            user_id=user_id,
            context=context,
            expires_at=expires_at,
            token_budget=token_budget,
            updated_at=updated_at,
        )

        session_response.additional_properties = d
        return session_response

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
