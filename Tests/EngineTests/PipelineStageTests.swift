import Engine
import Testing

@Suite("the pipeline's stages")
struct PipelineStageTests {
    @Test("the compiler's stages are a run of the pipeline's list, in its order, after loading and before reading")
    func compilationOrder() {
        let stages = PipelineStage.compilation
        #expect(stages == stages.sorted())
        let first = PipelineStage.allCases.firstIndex(of: stages[0])!
        #expect(Array(PipelineStage.allCases[first..<first + stages.count]) == stages)
        #expect(stages.allSatisfy { $0 > .loadPack && $0 < .readInventory })
    }

    @Test("every stage has its own name")
    func names() {
        #expect(Set(PipelineStage.allCases.map(\.name)).count == PipelineStage.allCases.count)
    }
}
