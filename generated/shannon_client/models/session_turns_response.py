from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="SessionTurnsResponse")


@_attrs_define
class SessionTurnsResponse:
    """
    Attributes:
        count (int | Unset): Total number of turns in session
        session_id (str | Unset): Session identifier (UUID or external_id)
        turns (list[Turn] | Unset): Turns grouped by task in chronological order
    """

    count: int | Unset = UNSET
    session_id: str | Unset = UNSET
    turns: list[Turn] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        session_id = self.session_id

        turns: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.turns, Unset):
            turns = []
            for turns_item_data in self.turns:
                turns_item = turns_item_data.to_dict()
                turns.append(turns_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if count is not UNSET:
            field_dict["count"] = count
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if turns is not UNSET:
            field_dict["turns"] = turns

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        count = absent_if_null(d.pop("count", UNSET))

        session_id = absent_if_null(d.pop("session_id", UNSET))

        _turns = absent_if_null(d.pop("turns", UNSET))
        turns: list[Turn] | Unset = UNSET
        if _turns is not UNSET:
            turns = []
            for turns_item_data in _turns:
                turns_item = Turn.from_dict(turns_item_data)

                turns.append(turns_item)

        session_turns_response = cls(
            count=count,
            session_id=session_id,
            turns=turns,
        )

        session_turns_response.additional_properties = d
        return session_turns_response

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


from ..models.turn import Turn
