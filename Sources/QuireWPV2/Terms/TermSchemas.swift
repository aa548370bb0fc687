import QuireREST

/// The category and tag resources as `/wp/v2/categories` and `/wp/v2/tags` describe them, and
/// the filters their collections take. Other taxonomies follow one or the other.
enum TermSchemas {
    static let category: JSONObject = try! JSONParser.parse(categoryText).objectValue!
    static let tag: JSONObject = try! JSONParser.parse(tagText).objectValue!

    /// A classic menu (`nav_menu`): a tag's fields but its count, link and taxonomy; its
    /// locations and `auto_add` are fields of their own (`MenuFields`).
    static let menu: JSONObject = {
        var schema = tag
        var properties = schema["properties"]?.objectValue ?? JSONObject()
        for field in ["count", "link", "taxonomy"] { properties[field] = nil }
        schema["properties"] = .object(properties)
        schema["title"] = "nav_menu"
        return schema
    }()
    static let categoryCollection: JSONObject = try! JSONParser.parse(categoryCollectionText).objectValue!
    static let tagCollection: JSONObject = try! JSONParser.parse(tagCollectionText).objectValue!
    static let taxonomy: JSONObject = try! JSONParser.parse(taxonomyText).objectValue!

    static let categoryText = #"""
{
  "$schema": "http://json-schema.org/draft-04/schema#",
  "title": "category",
  "type": "object",
  "properties": {
    "id": {
      "description": "Unique identifier for the term.",
      "type": "integer",
      "context": [
        "view",
        "embed",
        "edit"
      ],
      "readonly": true
    },
    "count": {
      "description": "Number of published posts for the term.",
      "type": "integer",
      "context": [
        "view",
        "edit"
      ],
      "readonly": true
    },
    "description": {
      "description": "HTML description of the term.",
      "type": "string",
      "context": [
        "view",
        "edit"
      ]
    },
    "link": {
      "description": "URL of the term.",
      "type": "string",
      "format": "uri",
      "context": [
        "view",
        "embed",
        "edit"
      ],
      "readonly": true
    },
    "name": {
      "description": "HTML title for the term.",
      "type": "string",
      "context": [
        "view",
        "embed",
        "edit"
      ],
      "required": true
    },
    "slug": {
      "description": "An alphanumeric identifier for the term unique to its type.",
      "type": "string",
      "context": [
        "view",
        "embed",
        "edit"
      ]
    },
    "taxonomy": {
      "description": "Type attribution for the term.",
      "type": "string",
      "enum": [
        "category"
      ],
      "context": [
        "view",
        "embed",
        "edit"
      ],
      "readonly": true
    },
    "parent": {
      "description": "The parent term ID.",
      "type": "integer",
      "context": [
        "view",
        "edit"
      ]
    },
    "meta": {
      "description": "Meta fields.",
      "type": "object",
      "context": [
        "view",
        "edit"
      ],
      "properties": []
    }
  }
}
"""#

    static let tagText = #"""
{
  "$schema": "http://json-schema.org/draft-04/schema#",
  "title": "tag",
  "type": "object",
  "properties": {
    "id": {
      "description": "Unique identifier for the term.",
      "type": "integer",
      "context": [
        "view",
        "embed",
        "edit"
      ],
      "readonly": true
    },
    "count": {
      "description": "Number of published posts for the term.",
      "type": "integer",
      "context": [
        "view",
        "edit"
      ],
      "readonly": true
    },
    "description": {
      "description": "HTML description of the term.",
      "type": "string",
      "context": [
        "view",
        "edit"
      ]
    },
    "link": {
      "description": "URL of the term.",
      "type": "string",
      "format": "uri",
      "context": [
        "view",
        "embed",
        "edit"
      ],
      "readonly": true
    },
    "name": {
      "description": "HTML title for the term.",
      "type": "string",
      "context": [
        "view",
        "embed",
        "edit"
      ],
      "required": true
    },
    "slug": {
      "description": "An alphanumeric identifier for the term unique to its type.",
      "type": "string",
      "context": [
        "view",
        "embed",
        "edit"
      ]
    },
    "taxonomy": {
      "description": "Type attribution for the term.",
      "type": "string",
      "enum": [
        "post_tag"
      ],
      "context": [
        "view",
        "embed",
        "edit"
      ],
      "readonly": true
    },
    "meta": {
      "description": "Meta fields.",
      "type": "object",
      "context": [
        "view",
        "edit"
      ],
      "properties": []
    }
  }
}
"""#

    static let categoryCollectionText = #"""
{
  "context": {
    "description": "Scope under which the request is made; determines fields present in response.",
    "type": "string",
    "enum": [
      "view",
      "embed",
      "edit"
    ],
    "default": "view"
  },
  "page": {
    "description": "Current page of the collection.",
    "type": "integer",
    "default": 1,
    "minimum": 1
  },
  "per_page": {
    "description": "Maximum number of items to be returned in result set.",
    "type": "integer",
    "default": 10,
    "minimum": 1,
    "maximum": 100
  },
  "search": {
    "description": "Limit results to those matching a string.",
    "type": "string"
  },
  "exclude": {
    "description": "Ensure result set excludes specific IDs.",
    "type": "array",
    "items": {
      "type": "integer"
    },
    "default": []
  },
  "include": {
    "description": "Limit result set to specific IDs.",
    "type": "array",
    "items": {
      "type": "integer"
    },
    "default": []
  },
  "order": {
    "description": "Order sort attribute ascending or descending.",
    "type": "string",
    "default": "asc",
    "enum": [
      "asc",
      "desc"
    ]
  },
  "orderby": {
    "description": "Sort collection by term attribute.",
    "type": "string",
    "default": "name",
    "enum": [
      "id",
      "include",
      "name",
      "slug",
      "include_slugs",
      "term_group",
      "description",
      "count"
    ]
  },
  "hide_empty": {
    "description": "Whether to hide terms not assigned to any posts.",
    "type": "boolean",
    "default": false
  },
  "parent": {
    "description": "Limit result set to terms assigned to a specific parent.",
    "type": "integer"
  },
  "post": {
    "description": "Limit result set to terms assigned to a specific post.",
    "type": "integer",
    "default": null
  },
  "slug": {
    "description": "Limit result set to terms with one or more specific slugs.",
    "type": "array",
    "items": {
      "type": "string"
    }
  }
}
"""#

    static let tagCollectionText = #"""
{
  "context": {
    "description": "Scope under which the request is made; determines fields present in response.",
    "type": "string",
    "enum": [
      "view",
      "embed",
      "edit"
    ],
    "default": "view"
  },
  "page": {
    "description": "Current page of the collection.",
    "type": "integer",
    "default": 1,
    "minimum": 1
  },
  "per_page": {
    "description": "Maximum number of items to be returned in result set.",
    "type": "integer",
    "default": 10,
    "minimum": 1,
    "maximum": 100
  },
  "search": {
    "description": "Limit results to those matching a string.",
    "type": "string"
  },
  "exclude": {
    "description": "Ensure result set excludes specific IDs.",
    "type": "array",
    "items": {
      "type": "integer"
    },
    "default": []
  },
  "include": {
    "description": "Limit result set to specific IDs.",
    "type": "array",
    "items": {
      "type": "integer"
    },
    "default": []
  },
  "offset": {
    "description": "Offset the result set by a specific number of items.",
    "type": "integer"
  },
  "order": {
    "description": "Order sort attribute ascending or descending.",
    "type": "string",
    "default": "asc",
    "enum": [
      "asc",
      "desc"
    ]
  },
  "orderby": {
    "description": "Sort collection by term attribute.",
    "type": "string",
    "default": "name",
    "enum": [
      "id",
      "include",
      "name",
      "slug",
      "include_slugs",
      "term_group",
      "description",
      "count"
    ]
  },
  "hide_empty": {
    "description": "Whether to hide terms not assigned to any posts.",
    "type": "boolean",
    "default": false
  },
  "post": {
    "description": "Limit result set to terms assigned to a specific post.",
    "type": "integer",
    "default": null
  },
  "slug": {
    "description": "Limit result set to terms with one or more specific slugs.",
    "type": "array",
    "items": {
      "type": "string"
    }
  }
}
"""#

    static let taxonomyText = #"""
{
  "$schema": "http://json-schema.org/draft-04/schema#",
  "title": "taxonomy",
  "type": "object",
  "properties": {
    "capabilities": {
      "description": "All capabilities used by the taxonomy.",
      "type": "object",
      "context": [
        "edit"
      ],
      "readonly": true
    },
    "description": {
      "description": "A human-readable description of the taxonomy.",
      "type": "string",
      "context": [
        "view",
        "edit"
      ],
      "readonly": true
    },
    "hierarchical": {
      "description": "Whether or not the taxonomy should have children.",
      "type": "boolean",
      "context": [
        "view",
        "edit"
      ],
      "readonly": true
    },
    "labels": {
      "description": "Human-readable labels for the taxonomy for various contexts.",
      "type": "object",
      "context": [
        "edit"
      ],
      "readonly": true
    },
    "name": {
      "description": "The title for the taxonomy.",
      "type": "string",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "readonly": true
    },
    "slug": {
      "description": "An alphanumeric identifier for the taxonomy.",
      "type": "string",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "readonly": true
    },
    "show_cloud": {
      "description": "Whether or not the term cloud should be displayed.",
      "type": "boolean",
      "context": [
        "edit"
      ],
      "readonly": true
    },
    "types": {
      "description": "Types associated with the taxonomy.",
      "type": "array",
      "items": {
        "type": "string"
      },
      "context": [
        "view",
        "edit"
      ],
      "readonly": true
    },
    "rest_base": {
      "description": "REST base route for the taxonomy.",
      "type": "string",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "readonly": true
    },
    "rest_namespace": {
      "description": "REST namespace route for the taxonomy.",
      "type": "string",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "readonly": true
    },
    "visibility": {
      "description": "The visibility settings for the taxonomy.",
      "type": "object",
      "context": [
        "edit"
      ],
      "readonly": true,
      "properties": {
        "public": {
          "description": "Whether a taxonomy is intended for use publicly either via the admin interface or by front-end users.",
          "type": "boolean"
        },
        "publicly_queryable": {
          "description": "Whether the taxonomy is publicly queryable.",
          "type": "boolean"
        },
        "show_ui": {
          "description": "Whether to generate a default UI for managing this taxonomy.",
          "type": "boolean"
        },
        "show_admin_column": {
          "description": "Whether to allow automatic creation of taxonomy columns on associated post-types table.",
          "type": "boolean"
        },
        "show_in_nav_menus": {
          "description": "Whether to make the taxonomy available for selection in navigation menus.",
          "type": "boolean"
        },
        "show_in_quick_edit": {
          "description": "Whether to show the taxonomy in the quick/bulk edit panel.",
          "type": "boolean"
        }
      }
    }
  }
}
"""#
}
