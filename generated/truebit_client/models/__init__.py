"""Contains all the data models used in inputs/outputs"""

from .bad_request_response import BadRequestResponse
from .error import Error
from .execute_api_sync_response import ExecuteApiSyncResponse
from .execute_api_sync_response_clear_text_solution import (
    ExecuteApiSyncResponseClearTextSolution,
)
from .execute_api_sync_response_clear_text_solution_output import (
    ExecuteApiSyncResponseClearTextSolutionOutput,
)
from .execute_api_sync_response_clear_text_solution_status import (
    ExecuteApiSyncResponseClearTextSolutionStatus,
)
from .execute_api_sync_response_status import ExecuteApiSyncResponseStatus
from .execute_api_sync_response_total_transferred_bytes import (
    ExecuteApiSyncResponseTotalTransferredBytes,
)
from .execute_task_sync_response import ExecuteTaskSyncResponse
from .execute_task_sync_response_clear_text_solution import (
    ExecuteTaskSyncResponseClearTextSolution,
)
from .execute_task_sync_response_clear_text_solution_execution_status import (
    ExecuteTaskSyncResponseClearTextSolutionExecutionStatus,
)
from .execute_task_sync_response_verification_status import (
    ExecuteTaskSyncResponseVerificationStatus,
)
from .execution_signature import ExecutionSignature

__all__ = (
    "BadRequestResponse",
    "Error",
    "ExecuteApiSyncResponse",
    "ExecuteApiSyncResponseClearTextSolution",
    "ExecuteApiSyncResponseClearTextSolutionOutput",
    "ExecuteApiSyncResponseClearTextSolutionStatus",
    "ExecuteApiSyncResponseStatus",
    "ExecuteApiSyncResponseTotalTransferredBytes",
    "ExecuteTaskSyncResponse",
    "ExecuteTaskSyncResponseClearTextSolution",
    "ExecuteTaskSyncResponseClearTextSolutionExecutionStatus",
    "ExecuteTaskSyncResponseVerificationStatus",
    "ExecutionSignature",
)
