import QuireREST

/// One layer of global styles and settings, read as WordPress reads a `theme.json`
/// (`WP_Theme_JSON`): keys it does not know are dropped, `appearanceTools` turns on the settings
/// it stands for, and every list of presets is kept under the layer's origin, so that layers can
/// be merged without one origin's presets replacing another's.
///
///     var merged = ThemeJSON(core, origin: .default, blockNames: names)
///     merged.merge(ThemeJSON(theme, origin: .theme, blockNames: names))
///     merged.settings["color"]?["palette"]   // {"default": [...], "theme": [...]}
public struct ThemeJSON: Sendable {
    /// Where a layer comes from, in the order layers are merged (`VALID_ORIGINS`).
    public enum Origin: String, Sendable, CaseIterable {
        case `default`, blocks, theme, custom
    }

    /// What is kept of the input (`get_raw_data`).
    public internal(set) var data: JSONObject

    public init(_ input: JSONObject, origin: Origin = .theme, blockNames: [String]) {
        data = Self.sanitize(input, blockNames: blockNames)
        Self.optIn(&data)
        for node in Self.settingNodes(data) {
            for preset in ThemeJSONSchema.presets {
                let path = node + preset.path
                guard let value = Self.value(data, path), !value.isNull else { continue }
                // Already keyed by origin when it is an object with something in it.
                if case .object(let o) = value, !o.isEmpty { continue }
                Self.set(&data, path, .object([origin.rawValue: value]))
            }
        }
    }

    /// The `settings` (`get_settings`).
    public var settings: JSONObject { data["settings"]?.objectValue ?? JSONObject() }
    /// The `styles`, when there are any.
    public var styles: JSONObject? { data["styles"]?.objectValue }

    // MARK: Reading a file

    /// Only what the schema knows (`sanitize`).
    static func sanitize(_ input: JSONObject, blockNames: [String]) -> JSONObject {
        var output = JSONObject()
        for (key, value) in input where ThemeJSONSchema.topLevelKeys.contains(key) { output[key] = value }
        let tree = ThemeJSONSchema.tree(blockNames: blockNames)
        for (subtree, schema) in [("styles", tree.styles), ("settings", tree.settings)] {
            guard let value = input[subtree], !value.isNull else { continue }
            guard case .object(let o) = value else { output[subtree] = nil; continue }
            let kept = keep(o, schema)
            output[subtree] = kept.isEmpty ? nil : .object(kept)
        }
        return output
    }

    /// `remove_keys_not_in_schema`: a branch keeps its known keys, a leaf its whole value; a
    /// branch left empty goes.
    static func keep(_ tree: JSONObject, _ schema: ThemeJSONSchema.Node) -> JSONObject {
        var out = JSONObject()
        for (key, value) in tree {
            guard let child = schema.child(key) else { continue }
            guard case .branch = child, !value.isNull else { out[key] = value; continue }
            guard case .object(let inner) = value else { continue }
            let kept = keep(inner, child)
            if !kept.isEmpty { out[key] = .object(kept) }
        }
        return out
    }

    /// `appearanceTools: true` sets each setting it stands for that the layer leaves unset, at
    /// the top and in each block, and is then removed.
    static func optIn(_ data: inout JSONObject) {
        guard var settings = data["settings"]?.objectValue else { return }
        func apply(_ context: inout JSONObject) {
            guard context["appearanceTools"] == .bool(true) else { return }
            for path in ThemeJSONSchema.appearanceTools where value(context, path) == nil { set(&context, path, .bool(true)) }
            context["appearanceTools"] = nil
        }
        apply(&settings)
        if var blocks = settings["blocks"]?.objectValue {
            for name in blocks.keys {
                guard var block = blocks[name]?.objectValue else { continue }
                apply(&block)
                blocks[name] = .object(block)
            }
            settings["blocks"] = .object(blocks)
        }
        data["settings"] = .object(settings)
    }

    /// The paths of the settings at the top and of each block (`get_setting_nodes`).
    static func settingNodes(_ data: JSONObject) -> [[String]] {
        guard case .object(let settings)? = data["settings"] else { return [] }
        var nodes = [["settings"]]
        if case .object(let blocks)? = settings["blocks"] {
            nodes += blocks.keys.map { ["settings", "blocks", $0] }
        }
        return nodes
    }

    // MARK: Merging

    /// Lays `incoming` over this layer (`WP_Theme_JSON::merge`): values are replaced leaf by
    /// leaf, but a list of units or of one origin's presets is replaced whole, and a theme's
    /// presets lose those whose slugs WordPress's own keep when the site says so
    /// (`defaultPalette`, `defaultGradients`, `defaultDuotone`).
    public mutating func merge(_ incoming: ThemeJSON) {
        let other = incoming.data
        data = Self.replaceRecursively(data, other)
        let globalSlugs = defaultSlugs(at: ["settings"])
        let topSettings = settings
        for node in Self.settingNodes(other) {
            let nodeSlugs = defaultSlugs(at: node)
            let unitsPath = node + ["spacing", "units"]
            if let units = Self.value(other, unitsPath), !units.isNull { Self.set(&data, unitsPath, units) }
            for preset in ThemeJSONSchema.presets {
                var overrides = true
                if let prevent = preset.preventOverride {
                    let setting = Self.value(topSettings, prevent)
                    overrides = !(setting.map(Self.truthy) ?? true)
                }
                let base = node + preset.path
                for origin in Origin.allCases {
                    guard case .array(var items)? = Self.value(other, base + [origin.rawValue]) else { continue }
                    if origin == .theme && preset.usesDefaultNames {
                        items = items.map { item in
                            guard case .object(var o) = item, o["name"] == nil, let slug = o["slug"],
                                  let name = defaultName(slug, base) else { return item }
                            o["name"] = name
                            return .object(o)
                        }
                    }
                    if origin == .theme && !overrides {
                        let taken = (globalSlugs[preset.path] ?? []) + (nodeSlugs[preset.path] ?? [])
                        if !taken.isEmpty {
                            items = items.filter { item in
                                guard let slug = item.objectValue?["slug"], !slug.isNull else { return false }
                                return !taken.contains(slug)
                            }
                        }
                    }
                    Self.set(&data, base + [origin.rawValue], .array(items))
                }
            }
        }
    }

    /// The slugs of WordPress's own presets at a settings node, by preset path.
    func defaultSlugs(at node: [String]) -> [[String]: [JSON]] {
        var slugs: [[String]: [JSON]] = [:]
        for preset in ThemeJSONSchema.presets {
            guard case .array(let items)? = Self.value(data, node + preset.path + [Origin.default.rawValue]) else { continue }
            slugs[preset.path] = items.compactMap { $0.objectValue?["slug"] }.filter { !$0.isNull }
        }
        return slugs
    }

    /// The name WordPress gives its own preset of this slug (`get_name_from_defaults`).
    func defaultName(_ slug: JSON, _ base: [String]) -> JSON? {
        guard case .array(let items)? = Self.value(data, base + [Origin.default.rawValue]) else { return nil }
        return items.first { $0.objectValue?["slug"] == slug }?.objectValue?["name"]
    }

    /// PHP's `array_replace_recursive`: maps and lists merge key by key (lists by position).
    static func replaceRecursively(_ base: JSONObject, _ incoming: JSONObject) -> JSONObject {
        var out = base
        for (key, value) in incoming {
            if let current = out[key] { out[key] = replaceRecursively(current, value) } else { out[key] = value }
        }
        return out
    }

    static func replaceRecursively(_ base: JSON, _ incoming: JSON) -> JSON {
        switch (base, incoming) {
        case (.object(let a), .object(let b)): return .object(replaceRecursively(a, b))
        case (.array(var a), .array(let b)):
            for (i, v) in b.enumerated() {
                if i < a.count { a[i] = replaceRecursively(a[i], v) } else { a.append(v) }
            }
            return .array(a)
        default: return incoming
        }
    }

    // MARK: Paths

    /// The value at `path`, nil when some step is missing or not an object (`_wp_array_get`).
    public static func value(_ o: JSONObject, _ path: [String]) -> JSON? {
        var current = JSON.object(o)
        for key in path {
            guard case .object(let next) = current, let v = next[key] else { return nil }
            current = v
        }
        return current
    }

    /// Sets the value at `path`, making (or replacing with) objects on the way (`_wp_array_set`).
    static func set(_ o: inout JSONObject, _ path: [String], _ value: JSON) {
        guard let first = path.first else { return }
        if path.count == 1 { o[first] = value; return }
        var inner = o[first]?.objectValue ?? JSONObject()
        set(&inner, Array(path.dropFirst()), value)
        o[first] = .object(inner)
    }

    /// PHP's truthiness, for a setting read as a boolean.
    public static func truthy(_ v: JSON) -> Bool {
        switch v {
        case .null: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .string(let s): return !(s.isEmpty || s == "0")
        case .array(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        }
    }
}
