#!/usr/bin/env python3
"""Copy the README's library examples from Tests/ReadmeTests/ReadmeSnippets.swift into README.md.

Each region between `// README: NAME` and `// README: end` (dedented by four spaces) replaces
the body of the README's next ```swift block, after that block's `import` lines, in order. The
test ReadmeSnippetTests fails when the two differ; run this after changing an example.
"""
import pathlib
import re

repo = pathlib.Path(__file__).resolve().parents[2]
source = (repo / "Tests/ReadmeTests/ReadmeSnippets.swift").read_text()
regions = [
    "\n".join(line[4:] if line.startswith("    ") else line for line in body.split("\n"))
    for body in re.findall(r"// README: (?!end)\S+\n(.*?)\n\s*// README: end", source, re.S)
]
readme = (repo / "README.md").read_text()
parts = re.split(r"(```swift\n.*?\n```)", readme, flags=re.S)
index = 0
for i, part in enumerate(parts):
    if part.startswith("```swift\n") and index < len(regions):
        lines = part[len("```swift\n"):-len("\n```")].split("\n")
        header = []
        for line in lines:
            if line.startswith("import ") or (header and line == ""):
                header.append(line)
            else:
                break
        parts[i] = "```swift\n" + "\n".join(header + [regions[index]]) + "\n```"
        index += 1
(repo / "README.md").write_text("".join(parts))
print(f"README.md: {index} swift blocks written from {len(regions)} snippets")
