"""The schema of problem.yaml (pydantic v2). ``python -m grader schema`` prints it as JSON Schema."""

from __future__ import annotations

from typing import Literal, Union

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal["array", "int_array", "float", "int", "literal"]
Literal_ = Union[str, float, int, list]  # a Python literal as a string, or a YAML number/list


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)


class Param(Strict):
    name: str = Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$", description="Argument or output name, as in the starter's signature.")
    type: Kind = Field(description="array (float64 ndarray), int_array (int64 ndarray), float (a number), int (an integer), literal (a plain Python value such as a shape tuple, passed and compared as is).")


class Example(Strict):
    inputs: dict[str, Literal_] = Field(description="One value per argument, as a Python literal (string) or a YAML list/number.")
    output: dict[str, Literal_] = Field(description="One value per output name, as a Python literal or a YAML list/number.")
    explanation: str = Field(min_length=1, description="Why this is the answer, shown under the example.")


class Tolerance(Strict):
    atol: float = Field(1e-6, ge=0, description="Absolute tolerance of array comparisons.")
    rtol: float = Field(1e-6, ge=0, description="Relative tolerance of array comparisons.")


class ProblemSpec(Strict):
    """problem.yaml: everything about a problem that is not prose or code."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Stable id; saved progress is keyed on it, so the folder can be renamed.")
    title: str = Field(min_length=1)
    difficulty: Literal["easy", "medium", "hard"]
    tags: list[str] = Field(default_factory=list)
    entry: str = Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$", description="The function the tests call.")
    args: list[Param] = Field(min_length=1)
    returns: list[Param] = Field(min_length=1, description="One item: the function returns it bare; several: a tuple in this order.")
    time_limit: float = Field(5.0, gt=0, le=60, description="Seconds for a whole run of the tests.")
    tolerance: Tolerance = Field(default_factory=Tolerance)
    examples: list[Example] = Field(min_length=1)
    hints: list[str] = Field(default_factory=list, description="Revealed one at a time.")
    related: list[str] = Field(default_factory=list, description="Slugs of related problems.")
    track: str | None = Field(None, description="Slug of the track this problem belongs to (problems/_tracks/<slug>/track.yaml).")
    order: int | None = Field(None, description="Position within the track.")
    prerequisites: list[str] = Field(default_factory=list, description="Slugs to solve first.")
