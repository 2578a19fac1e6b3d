"""The merge as it was when issue #13 started (main at b3f3b1f), frozen so the benchmarks can run it
as their baseline in the same run. Not used by the tool."""
