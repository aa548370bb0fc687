import QuireAuth
import QuireREST
import QuireStore

/// The `wp/v2` namespace: what its controllers share, and their registration.
public struct WPV2: Sendable {
    public static let namespace = "wp/v2"
    public let store: any ContentStore
    public let types: ContentTypes
    public let media: MediaLibrary?
    public let themes: ThemeLibrary
    public let patterns: BlockPatternLibrary
    /// The registered block types, with the variations this site's types and theme give them.
    public let blockTypes: [BlockType]
    /// The global styles' layers, for the routes and the editor's settings.
    public let globalStyles: GlobalStylesResolver

    public init(store: any ContentStore, types: ContentTypes = ContentTypes(), media: MediaLibrary? = nil,
                themes: ThemeLibrary = ThemeLibrary(themes: []), patterns: BlockPatternLibrary = BlockPatternLibrary(),
                blockTypes: BlockTypeLibrary = BlockTypeLibrary()) {
        self.themes = themes
        self.patterns = patterns
        self.store = store
        var t = types
        if media != nil && t.postType("attachment") == nil { t.register(MediaController.type) }
        if t.postType(PostTypes.reusableBlock.name) == nil { t.register(PostTypes.reusableBlock) }
        for kind in TemplateKind.allCases where t.postType(kind.postType) == nil { t.register(kind.type) }
        if t.postType(PostTypes.navigation.name) == nil { t.register(PostTypes.navigation) }
        if t.postType(PostTypes.menuItem.name) == nil { t.register(PostTypes.menuItem) }
        if t.postType(UserGlobalStyles.postType) == nil { t.register(UserGlobalStyles.type) }
        if t.taxonomy(NavMenus.taxonomy.name) == nil {
            t.register(NavMenus.taxonomy)
            t.extensions.fields[NavMenus.taxonomy.name, default: []] += MenuFields(store: store, themes: themes).fields
        }
        t.putCoreTypesFirst()
        self.types = t
        self.media = media
        self.blockTypes = blockTypes.registered(types: t, themes: themes)
        self.globalStyles = GlobalStylesResolver(themes: themes, blockTypes: self.blockTypes)
    }

    /// Registers every `wp/v2` route this build serves, and those of registered post types
    /// and taxonomies in their own namespaces.
    public func register(into registry: inout RouteRegistry) {
        // In WordPress's order (`create_initial_rest_routes`), which is the index's: the post
        // types' routes first, each with its revisions and autosaves.
        let templates = TemplateLibrary(themes: themes, store: store, types: types)
        for type in types.postTypes where type.showInREST {
            if type.name == "attachment" {
                if let media { MediaController(store: store, library: media, types: types).register(into: &registry) }
                continue
            }
            switch type.controller {
            case .templates:
                guard let kind = TemplateKind.allCases.first(where: { $0.postType == type.name }) else { continue }
                // The templates' own route, registered first, answers every path its revisions' would take.
                TemplatesController(kind: kind, library: templates, store: store).register(into: &registry)
                RevisionsController(store: store, type: type).register(into: &registry)
                continue
            case .menuItems:
                MenuItemsController(store: store, type: type, types: types).register(into: &registry)
            case .posts, .blocks:
                PostsController(store: store, type: type, types: types, templates: templates).register(into: &registry)
            }
            RevisionsController(store: store, type: type).register(into: &registry, revisions: type.supports.contains("revisions"))
        }
        TypesController(types: types.postTypes).register(into: &registry)
        StatusesController(types: types).register(into: &registry)
        TaxonomiesController(taxonomies: types.taxonomies).register(into: &registry)
        for taxonomy in types.taxonomies where taxonomy.showInREST {
            TermsController(store: store, taxonomy: taxonomy, types: types).register(into: &registry)
        }
        UsersController(store: store, types: types).register(into: &registry)
        ApplicationPasswordsController(store: store).register(into: &registry)
        CommentsController(store: store, types: types).register(into: &registry)
        SearchController(store: store, types: types).register(into: &registry)
        BlockRendererController(blockTypes: blockTypes, store: store, types: types, themes: themes).register(into: &registry)
        BlockTypesController(blockTypes: blockTypes, types: types).register(into: &registry)
        GlobalStylesController(resolver: globalStyles, store: store).register(into: &registry)
        SettingsController(store: store).register(into: &registry)
        ThemesController(library: themes, types: types, userStyles: UserGlobalStyles(store: store)).register(into: &registry)
        BlockPatternsController.patterns(patterns, types: types).register(into: &registry)
        BlockPatternsController.categories(patterns, types: types).register(into: &registry)
        MenuLocationsController(themes: themes, store: store).register(into: &registry)
    }
}

extension RESTRequest {
    var siteUser: SiteUser? { user as? SiteUser }
}
