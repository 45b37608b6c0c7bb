"""Contains all the data models used in inputs/outputs"""

from .api_workflow_config_dto import ApiWorkflowConfigDto
from .api_workflow_dto import ApiWorkflowDto
from .api_workflow_template_config_dto import ApiWorkflowTemplateConfigDto
from .input_param_item_dto import InputParamItemDto
from .live_url_info import LiveUrlInfo
from .page_resp_api_workflow_dto import PageRespApiWorkflowDto
from .page_resp_workflow_task_simple_response import PageRespWorkflowTaskSimpleResponse
from .page_resp_workflow_template_dto import PageRespWorkflowTemplateDto
from .response_data import ResponseData
from .response_data_data_type_0 import ResponseDataDataType0
from .run_workflow_task_request import RunWorkflowTaskRequest
from .run_workflow_template_task_request import RunWorkflowTemplateTaskRequest
from .step_status import StepStatus
from .sys_region_simple_view import SysRegionSimpleView
from .task_created_response import TaskCreatedResponse
from .task_download_file_view import TaskDownloadFileView
from .task_failure_info import TaskFailureInfo
from .task_output_dto import TaskOutputDto
from .task_status import TaskStatus
from .task_status_response import TaskStatusResponse
from .task_step_dto import TaskStepDto
from .workflow_input_parameter_dto import WorkflowInputParameterDto
from .workflow_task_response import WorkflowTaskResponse
from .workflow_task_simple_response import WorkflowTaskSimpleResponse
from .workflow_template_dto import WorkflowTemplateDto

__all__ = (
    "ApiWorkflowConfigDto",
    "ApiWorkflowDto",
    "ApiWorkflowTemplateConfigDto",
    "InputParamItemDto",
    "LiveUrlInfo",
    "PageRespApiWorkflowDto",
    "PageRespWorkflowTaskSimpleResponse",
    "PageRespWorkflowTemplateDto",
    "ResponseData",
    "ResponseDataDataType0",
    "RunWorkflowTaskRequest",
    "RunWorkflowTemplateTaskRequest",
    "StepStatus",
    "SysRegionSimpleView",
    "TaskCreatedResponse",
    "TaskDownloadFileView",
    "TaskFailureInfo",
    "TaskOutputDto",
    "TaskStatus",
    "TaskStatusResponse",
    "TaskStepDto",
    "WorkflowInputParameterDto",
    "WorkflowTaskResponse",
    "WorkflowTaskSimpleResponse",
    "WorkflowTemplateDto",
)
