"""The framework registry: shipped and planner-edited frameworks, nodes and crosswalks."""
