from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session_summary_context import SessionSummaryContext


T = TypeVar("T", bound="SessionSummary")


@_attrs_define
class SessionSummary:
    """
    Attributes:
        created_at (datetime.datetime): Session creation timestamp
        session_id (UUID): Unique session identifier
        task_count (int): Number of tasks in this session
        tokens_used (int): Total tokens consumed in this session (from DB, optionally enriched by Redis)
        user_id (UUID): User who owns this session
        average_cost_per_task (float | Unset): Average cost per task (total_cost_usd / task_count)
        budget_remaining (int | Unset): Remaining tokens in the budget (never negative)
        budget_utilization (float | Unset): Fraction of token budget consumed (tokens_used / token_budget)
        context (SessionSummaryContext | Unset): Session context metadata (includes title, external_id, and feature
            flags)
        expires_at (datetime.datetime | Unset): Session expiration timestamp
        failed_tasks (int | Unset): Number of failed tasks
        first_task_mode (str | Unset): Mode of the first task in the session (used for research detection)
        is_active (bool | Unset): Whether the session is considered active (recent activity in the last 24 hours)
        is_near_budget_limit (bool | Unset): Whether the session is nearing its token budget (utilization > 90%)
        is_research_session (bool | Unset): Whether this session is inferred to be a research session
        last_activity_at (datetime.datetime | Unset): Timestamp of the latest completed task in this session
        latest_task_query (str | Unset): Query text of the most recent task in this session
        latest_task_status (str | Unset): Status of the most recent task (e.g., COMPLETED, FAILED, RUNNING)
        success_rate (float | Unset): Task success rate in the range 0.0-1.0 (successful_tasks / task_count)
        successful_tasks (int | Unset): Number of successfully completed tasks
        title (str | Unset): Session title (auto-generated or user-defined, max 60 chars)
        token_budget (int | Unset): Token budget for the session
        total_cost_usd (float | Unset): Total cost of all tasks in this session, in USD
        updated_at (datetime.datetime | Unset): Session last update timestamp
    """

    created_at: datetime.datetime
    session_id: UUID
    task_count: int
    tokens_used: int
    user_id: UUID
    average_cost_per_task: float | Unset = UNSET
    budget_remaining: int | Unset = UNSET
    budget_utilization: float | Unset = UNSET
    context: SessionSummaryContext | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET
    failed_tasks: int | Unset = UNSET
    first_task_mode: str | Unset = UNSET
    is_active: bool | Unset = UNSET
    is_near_budget_limit: bool | Unset = UNSET
    is_research_session: bool | Unset = UNSET
    last_activity_at: datetime.datetime | Unset = UNSET
    latest_task_query: str | Unset = UNSET
    latest_task_status: str | Unset = UNSET
    success_rate: float | Unset = UNSET
    successful_tasks: int | Unset = UNSET
    title: str | Unset = UNSET
    token_budget: int | Unset = UNSET
    total_cost_usd: float | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        session_id = str(self.session_id)

        task_count = self.task_count

        tokens_used = self.tokens_used

        user_id = str(self.user_id)

        average_cost_per_task = self.average_cost_per_task

        budget_remaining = self.budget_remaining

        budget_utilization = self.budget_utilization

        context: dict[str, Any] | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context.to_dict()

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        failed_tasks = self.failed_tasks

        first_task_mode = self.first_task_mode

        is_active = self.is_active

        is_near_budget_limit = self.is_near_budget_limit

        is_research_session = self.is_research_session

        last_activity_at: str | Unset = UNSET
        if not isinstance(self.last_activity_at, Unset):
            last_activity_at = self.last_activity_at.isoformat()

        latest_task_query = self.latest_task_query

        latest_task_status = self.latest_task_status

        success_rate = self.success_rate

        successful_tasks = self.successful_tasks

        title = self.title

        token_budget = self.token_budget

        total_cost_usd = self.total_cost_usd

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
        if average_cost_per_task is not UNSET:
            field_dict["average_cost_per_task"] = average_cost_per_task
        if budget_remaining is not UNSET:
            field_dict["budget_remaining"] = budget_remaining
        if budget_utilization is not UNSET:
            field_dict["budget_utilization"] = budget_utilization
        if context is not UNSET:
            field_dict["context"] = context
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if failed_tasks is not UNSET:
            field_dict["failed_tasks"] = failed_tasks
        if first_task_mode is not UNSET:
            field_dict["first_task_mode"] = first_task_mode
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if is_near_budget_limit is not UNSET:
            field_dict["is_near_budget_limit"] = is_near_budget_limit
        if is_research_session is not UNSET:
            field_dict["is_research_session"] = is_research_session
        if last_activity_at is not UNSET:
            field_dict["last_activity_at"] = last_activity_at
        if latest_task_query is not UNSET:
            field_dict["latest_task_query"] = latest_task_query
        if latest_task_status is not UNSET:
            field_dict["latest_task_status"] = latest_task_status
        if success_rate is not UNSET:
            field_dict["success_rate"] = success_rate
        if successful_tasks is not UNSET:
            field_dict["successful_tasks"] = successful_tasks
        if title is not UNSET:
            field_dict["title"] = title
        if token_budget is not UNSET:
            field_dict["token_budget"] = token_budget
        if total_cost_usd is not UNSET:
            field_dict["total_cost_usd"] = total_cost_usd
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.session_summary_context import SessionSummaryContext

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        session_id = UUID(d.pop("session_id"))

        task_count = d.pop("task_count")

        tokens_used = d.pop("tokens_used")

        user_id = UUID(d.pop("user_id"))

        average_cost_per_task = d.pop("average_cost_per_task", UNSET)

        budget_remaining = d.pop("budget_remaining", UNSET)

        budget_utilization = d.pop("budget_utilization", UNSET)

        _context = d.pop("context", UNSET)
        context: SessionSummaryContext | Unset
        if isinstance(_context, Unset):
            context = UNSET
        else:
            context = SessionSummaryContext.from_dict(_context)

        _expires_at = d.pop("expires_at", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)

        failed_tasks = d.pop("failed_tasks", UNSET)

        first_task_mode = d.pop("first_task_mode", UNSET)

        is_active = d.pop("is_active", UNSET)

        is_near_budget_limit = d.pop("is_near_budget_limit", UNSET)

        is_research_session = d.pop("is_research_session", UNSET)

        _last_activity_at = d.pop("last_activity_at", UNSET)
        last_activity_at: datetime.datetime | Unset
        if isinstance(_last_activity_at, Unset):
            last_activity_at = UNSET
        else:
            last_activity_at = datetime.datetime.fromisoformat(_last_activity_at)

        latest_task_query = d.pop("latest_task_query", UNSET)

        latest_task_status = d.pop("latest_task_status", UNSET)

        success_rate = d.pop("success_rate", UNSET)

        successful_tasks = d.pop("successful_tasks", UNSET)

        title = d.pop("title", UNSET)

        token_budget = d.pop("token_budget", UNSET)

        total_cost_usd = d.pop("total_cost_usd", UNSET)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        session_summary = cls(
            created_at=created_at,
            session_id=session_id,
            task_count=task_count,
            tokens_used=tokens_used,
            user_id=user_id,
            average_cost_per_task=average_cost_per_task,
            budget_remaining=budget_remaining,
            budget_utilization=budget_utilization,
            context=context,
            expires_at=expires_at,
            failed_tasks=failed_tasks,
            first_task_mode=first_task_mode,
            is_active=is_active,
            is_near_budget_limit=is_near_budget_limit,
            is_research_session=is_research_session,
            last_activity_at=last_activity_at,
            latest_task_query=latest_task_query,
            latest_task_status=latest_task_status,
            success_rate=success_rate,
            successful_tasks=successful_tasks,
            title=title,
            token_budget=token_budget,
            total_cost_usd=total_cost_usd,
            updated_at=updated_at,
        )

        session_summary.additional_properties = d
        return session_summary

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
