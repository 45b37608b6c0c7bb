from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null, datetime_or_unset

T = TypeVar("T", bound="SessionResponse")


@_attrs_define
class SessionResponse:
    """
    Attributes:
        context (SessionResponseContext | Unset): Session context metadata
        created_at (datetime.datetime | Unset): Session creation timestamp
        expires_at (datetime.datetime | Unset): Session expiration timestamp
        session_id (UUID | Unset): Unique session identifier
        task_count (int | Unset): Number of tasks in this session
        token_budget (int | Unset): Token budget for the session
        tokens_used (int | Unset): Total tokens consumed in this session
        updated_at (datetime.datetime | Unset): Session last update timestamp
        user_id (UUID | Unset): User who owns this session
    """

    context: SessionResponseContext | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET
    session_id: UUID | Unset = UNSET
    task_count: int | Unset = UNSET
    token_budget: int | Unset = UNSET
    tokens_used: int | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    user_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        context: dict[str, Any] | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context.to_dict()

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        session_id: str | Unset = UNSET
        if not isinstance(self.session_id, Unset):
            session_id = str(self.session_id)

        task_count = self.task_count

        token_budget = self.token_budget

        tokens_used = self.tokens_used

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        user_id: str | Unset = UNSET
        if not isinstance(self.user_id, Unset):
            user_id = str(self.user_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if context is not UNSET:
            field_dict["context"] = context
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if task_count is not UNSET:
            field_dict["task_count"] = task_count
        if token_budget is not UNSET:
            field_dict["token_budget"] = token_budget
        if tokens_used is not UNSET:
            field_dict["tokens_used"] = tokens_used
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _context = absent_if_null(d.pop("context", UNSET))
        context: SessionResponseContext | Unset
        if isinstance(_context, Unset):
            context = UNSET
        else:
            context = SessionResponseContext.from_dict(_context)

        _created_at = absent_if_null(d.pop("created_at", UNSET))
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime_or_unset(_created_at)

        if isinstance(created_at, Unset) and not isinstance(_created_at, Unset):
            d["created_at"] = _created_at

        _expires_at = absent_if_null(d.pop("expires_at", UNSET))
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = datetime_or_unset(_expires_at)

        if isinstance(expires_at, Unset) and not isinstance(_expires_at, Unset):
            d["expires_at"] = _expires_at

        _session_id = absent_if_null(d.pop("session_id", UNSET))
        session_id: UUID | Unset
        if isinstance(_session_id, Unset):
            session_id = UNSET
        else:
            session_id = UUID(_session_id)

        task_count = absent_if_null(d.pop("task_count", UNSET))

        token_budget = absent_if_null(d.pop("token_budget", UNSET))

        tokens_used = absent_if_null(d.pop("tokens_used", UNSET))

        _updated_at = absent_if_null(d.pop("updated_at", UNSET))
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime_or_unset(_updated_at)

        if isinstance(updated_at, Unset) and not isinstance(_updated_at, Unset):
            d["updated_at"] = _updated_at

        _user_id = absent_if_null(d.pop("user_id", UNSET))
        user_id: UUID | Unset
        if isinstance(_user_id, Unset):
            user_id = UNSET
        else:
            user_id = UUID(_user_id)

        session_response = cls(
            context=context,
            created_at=created_at,
            expires_at=expires_at,
            session_id=session_id,
            task_count=task_count,
            token_budget=token_budget,
            tokens_used=tokens_used,
            updated_at=updated_at,
            user_id=user_id,
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


from ..models.session_response_context import SessionResponseContext
