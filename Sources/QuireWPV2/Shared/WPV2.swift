import QuireREST
import QuireStore

/// The `wp/v2` namespace: what its controllers share, and their registration.
public struct WPV2: Sendable {
    public static let namespace = "wp/v2"
    public let store: any ContentStore

    public init(store: any ContentStore) { self.store = store }

    /// Registers every `wp/v2` route this build serves.
    public func register(into registry: inout RouteRegistry) {
        UsersController(store: store).register(into: &registry)
        TypesController(types: PostTypes.builtIn).register(into: &registry)
        StatusesController().register(into: &registry)
        TaxonomiesController(taxonomies: PostTypes.taxonomies).register(into: &registry)
        CommentsController(store: store).register(into: &registry)
        SettingsController(store: store).register(into: &registry)
        ApplicationPasswordsController(store: store).register(into: &registry)
        SearchController(store: store).register(into: &registry)
        for taxonomy in PostTypes.taxonomies where taxonomy.showInREST {
            TermsController(store: store, taxonomy: taxonomy).register(into: &registry)
        }
        for type in PostTypes.builtIn where type.showInREST {
            PostsController(store: store, type: type).register(into: &registry)
            if type.supports.contains("revisions") {
                RevisionsController(store: store, type: type).register(into: &registry)
            }
        }
    }
}

extension RESTRequest {
    /// The `context` the request asked for (`view` when absent).
    var context: String { self["context"]?.stringValue ?? "view" }

    var siteUser: SiteUser? { user as? SiteUser }

    /// An integer parameter, also when it came as digits in the URL (`$request['id']`).
    func integer(_ key: String) -> Int? {
        switch self[key] {
        case .int(let i)?: return i
        case .string(let s)?: return Int(s)
        case let v?: return v.intValue
        case nil: return nil
        }
    }

    func can(_ capability: String, _ args: [JSON] = []) -> Bool { user?.can(capability, args) ?? false }

    /// `rest_authorization_required_code()`.
    var authorizationStatus: Int { RESTServer.authorizationRequiredStatus(self) }
}
