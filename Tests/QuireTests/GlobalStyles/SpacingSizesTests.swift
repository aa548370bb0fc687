import Foundation
import QuireREST
import QuireWPV2
import Testing

/// The spacing presets WordPress 6.1 makes from a `spacingScale` (`set_spacing_sizes`), as it
/// made them for each scale in `Fixtures/global-styles/spacing-scales.json`: multiplied and
/// added steps, units (`%` kept, others sanitised), steps that reach zero, names by number
/// up to seven steps and by size above, and the scales that make none (no steps, an unknown
/// operator).
@Suite struct SpacingSizesTests {
    @Test func everyRecordedScaleMakesWordPresssPresets() throws {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("global-styles/spacing-scales.json")
        let cases = try #require(try JSONParser.parse(Array(try Data(contentsOf: url))).arrayValue)
        #expect(cases.count == 9)
        for c in cases {
            let scale = try #require(c["scale"]?.objectValue)
            var layer = ThemeJSON(["version": 2, "settings": ["spacing": ["spacingScale": .object(scale)]]], origin: .default, blockNames: [])
            layer.setSpacingSizes()
            let made = layer.settings["spacing"]?["spacingSizes"]
            let wanted = c["sizes"].flatMap { $0.isNull ? nil : $0 }
            #expect(made == wanted, "\(JSONEncoding.encodeString(.object(scale)))")
        }
    }
}
