import Foundation
import PackagePlugin

/// Turns a target's data files (`Data/*.tsv`, `Data/*.txt`) into Swift string constants at build
/// time, so the libraries carry their data without Foundation's `Bundle` (SwiftPM resources need
/// Foundation on Linux). The data files stay the single source of truth, versioned and readable.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let dataDirectory = target.directoryURL.appending(path: "Data")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dataDirectory.path(percentEncoded: false))) ?? []
        let inputs = names.filter { $0.hasSuffix(".tsv") || $0.hasSuffix(".txt") }.sorted()
            .map { dataDirectory.appending(path: $0) }
        guard !inputs.isEmpty else { return [] }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedData.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) data file(s) into \(target.name)",
                executable: try context.tool(named: "embed-resources").url,
                arguments: [output.path(percentEncoded: false)] + inputs.map { $0.path(percentEncoded: false) },
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
