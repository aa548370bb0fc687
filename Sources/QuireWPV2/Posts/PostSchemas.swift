import QuireREST

/// The post and page resources as `/wp/v2/posts` and `/wp/v2/pages` describe them, and the
/// filters their collections take. Other post types are built from these by what they support.
enum PostSchemas {
    static let post: JSONObject = try! JSONParser.parse(postText).objectValue!
    static let page: JSONObject = try! JSONParser.parse(pageText).objectValue!
    static let postCollection: JSONObject = try! JSONParser.parse(postCollectionText).objectValue!
    static let pageCollection: JSONObject = try! JSONParser.parse(pageCollectionText).objectValue!

    static let postText = #"""
{
  "$schema": "http://json-schema.org/draft-04/schema#",
  "title": "post",
  "type": "object",
  "properties": {
    "date": {
      "description": "The date the post was published, in the site's timezone.",
      "type": [
        "string",
        "null"
      ],
      "format": "date-time",
      "context": [
        "view",
        "edit",
        "embed"
      ]
    },
    "date_gmt": {
      "description": "The date the post was published, as GMT.",
      "type": [
        "string",
        "null"
      ],
      "format": "date-time",
      "context": [
        "view",
        "edit"
      ]
    },
    "guid": {
      "description": "The globally unique identifier for the post.",
      "type": "object",
      "context": [
        "view",
        "edit"
      ],
      "readonly": true,
      "properties": {
        "raw": {
          "description": "GUID for the post, as it exists in the database.",
          "type": "string",
          "context": [
            "edit"
          ],
          "readonly": true
        },
        "rendered": {
          "description": "GUID for the post, transformed for display.",
          "type": "string",
          "context": [
            "view",
            "edit"
          ],
          "readonly": true
        }
      }
    },
    "id": {
      "description": "Unique identifier for the post.",
      "type": "integer",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "readonly": true
    },
    "link": {
      "description": "URL to the post.",
      "type": "string",
      "format": "uri",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "readonly": true
    },
    "modified": {
      "description": "The date the post was last modified, in the site's timezone.",
      "type": "string",
      "format": "date-time",
      "context": [
        "view",
        "edit"
      ],
      "readonly": true
    },
    "modified_gmt": {
      "description": "The date the post was last modified, as GMT.",
      "type": "string",
      "format": "date-time",
      "context": [
        "view",
        "edit"
      ],
      "readonly": true
    },
    "slug": {
      "description": "An alphanumeric identifier for the post unique to its type.",
      "type": "string",
      "context": [
        "view",
        "edit",
        "embed"
      ]
    },
    "status": {
      "description": "A named status for the post.",
      "type": "string",
      "enum": [
        "publish",
        "future",
        "draft",
        "pending",
        "private"
      ],
      "context": [
        "view",
        "edit"
      ]
    },
    "type": {
      "description": "Type of post.",
      "type": "string",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "readonly": true
    },
    "password": {
      "description": "A password to protect access to the content and excerpt.",
      "type": "string",
      "context": [
        "edit"
      ]
    },
    "permalink_template": {
      "description": "Permalink template for the post.",
      "type": "string",
      "context": [
        "edit"
      ],
      "readonly": true
    },
    "generated_slug": {
      "description": "Slug automatically generated from the post title.",
      "type": "string",
      "context": [
        "edit"
      ],
      "readonly": true
    },
    "title": {
      "description": "The title for the post.",
      "type": "object",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "properties": {
        "raw": {
          "description": "Title for the post, as it exists in the database.",
          "type": "string",
          "context": [
            "edit"
          ]
        },
        "rendered": {
          "description": "HTML title for the post, transformed for display.",
          "type": "string",
          "context": [
            "view",
            "edit",
            "embed"
          ],
          "readonly": true
        }
      }
    },
    "content": {
      "description": "The content for the post.",
      "type": "object",
      "context": [
        "view",
        "edit"
      ],
      "properties": {
        "raw": {
          "description": "Content for the post, as it exists in the database.",
          "type": "string",
          "context": [
            "edit"
          ]
        },
        "rendered": {
          "description": "HTML content for the post, transformed for display.",
          "type": "string",
          "context": [
            "view",
            "edit"
          ],
          "readonly": true
        },
        "block_version": {
          "description": "Version of the content block format used by the post.",
          "type": "integer",
          "context": [
            "edit"
          ],
          "readonly": true
        },
        "protected": {
          "description": "Whether the content is protected with a password.",
          "type": "boolean",
          "context": [
            "view",
            "edit",
            "embed"
          ],
          "readonly": true
        }
      }
    },
    "author": {
      "description": "The ID for the author of the post.",
      "type": "integer",
      "context": [
        "view",
        "edit",
        "embed"
      ]
    },
    "excerpt": {
      "description": "The excerpt for the post.",
      "type": "object",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "properties": {
        "raw": {
          "description": "Excerpt for the post, as it exists in the database.",
          "type": "string",
          "context": [
            "edit"
          ]
        },
        "rendered": {
          "description": "HTML excerpt for the post, transformed for display.",
          "type": "string",
          "context": [
            "view",
            "edit",
            "embed"
          ],
          "readonly": true
        },
        "protected": {
          "description": "Whether the excerpt is protected with a password.",
          "type": "boolean",
          "context": [
            "view",
            "edit",
            "embed"
          ],
          "readonly": true
        }
      }
    },
    "featured_media": {
      "description": "The ID of the featured media for the post.",
      "type": "integer",
      "context": [
        "view",
        "edit",
        "embed"
      ]
    },
    "comment_status": {
      "description": "Whether or not comments are open on the post.",
      "type": "string",
      "enum": [
        "open",
        "closed"
      ],
      "context": [
        "view",
        "edit"
      ]
    },
    "ping_status": {
      "description": "Whether or not the post can be pinged.",
      "type": "string",
      "enum": [
        "open",
        "closed"
      ],
      "context": [
        "view",
        "edit"
      ]
    },
    "format": {
      "description": "The format for the post.",
      "type": "string",
      "enum": [
        "standard",
        "aside",
        "chat",
        "gallery",
        "link",
        "image",
        "quote",
        "status",
        "video",
        "audio"
      ],
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
    },
    "sticky": {
      "description": "Whether or not the post should be treated as sticky.",
      "type": "boolean",
      "context": [
        "view",
        "edit"
      ]
    },
    "template": {
      "description": "The theme file to use to display the post.",
      "type": "string",
      "context": [
        "view",
        "edit"
      ]
    },
    "categories": {
      "description": "The terms assigned to the post in the category taxonomy.",
      "type": "array",
      "items": {
        "type": "integer"
      },
      "context": [
        "view",
        "edit"
      ]
    },
    "tags": {
      "description": "The terms assigned to the post in the post_tag taxonomy.",
      "type": "array",
      "items": {
        "type": "integer"
      },
      "context": [
        "view",
        "edit"
      ]
    }
  }
}
"""#

    static let pageText = #"""
{
  "$schema": "http://json-schema.org/draft-04/schema#",
  "title": "page",
  "type": "object",
  "properties": {
    "date": {
      "description": "The date the post was published, in the site's timezone.",
      "type": [
        "string",
        "null"
      ],
      "format": "date-time",
      "context": [
        "view",
        "edit",
        "embed"
      ]
    },
    "date_gmt": {
      "description": "The date the post was published, as GMT.",
      "type": [
        "string",
        "null"
      ],
      "format": "date-time",
      "context": [
        "view",
        "edit"
      ]
    },
    "guid": {
      "description": "The globally unique identifier for the post.",
      "type": "object",
      "context": [
        "view",
        "edit"
      ],
      "readonly": true,
      "properties": {
        "raw": {
          "description": "GUID for the post, as it exists in the database.",
          "type": "string",
          "context": [
            "edit"
          ],
          "readonly": true
        },
        "rendered": {
          "description": "GUID for the post, transformed for display.",
          "type": "string",
          "context": [
            "view",
            "edit"
          ],
          "readonly": true
        }
      }
    },
    "id": {
      "description": "Unique identifier for the post.",
      "type": "integer",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "readonly": true
    },
    "link": {
      "description": "URL to the post.",
      "type": "string",
      "format": "uri",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "readonly": true
    },
    "modified": {
      "description": "The date the post was last modified, in the site's timezone.",
      "type": "string",
      "format": "date-time",
      "context": [
        "view",
        "edit"
      ],
      "readonly": true
    },
    "modified_gmt": {
      "description": "The date the post was last modified, as GMT.",
      "type": "string",
      "format": "date-time",
      "context": [
        "view",
        "edit"
      ],
      "readonly": true
    },
    "slug": {
      "description": "An alphanumeric identifier for the post unique to its type.",
      "type": "string",
      "context": [
        "view",
        "edit",
        "embed"
      ]
    },
    "status": {
      "description": "A named status for the post.",
      "type": "string",
      "enum": [
        "publish",
        "future",
        "draft",
        "pending",
        "private"
      ],
      "context": [
        "view",
        "edit"
      ]
    },
    "type": {
      "description": "Type of post.",
      "type": "string",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "readonly": true
    },
    "password": {
      "description": "A password to protect access to the content and excerpt.",
      "type": "string",
      "context": [
        "edit"
      ]
    },
    "permalink_template": {
      "description": "Permalink template for the post.",
      "type": "string",
      "context": [
        "edit"
      ],
      "readonly": true
    },
    "generated_slug": {
      "description": "Slug automatically generated from the post title.",
      "type": "string",
      "context": [
        "edit"
      ],
      "readonly": true
    },
    "parent": {
      "description": "The ID for the parent of the post.",
      "type": "integer",
      "context": [
        "view",
        "edit"
      ]
    },
    "title": {
      "description": "The title for the post.",
      "type": "object",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "properties": {
        "raw": {
          "description": "Title for the post, as it exists in the database.",
          "type": "string",
          "context": [
            "edit"
          ]
        },
        "rendered": {
          "description": "HTML title for the post, transformed for display.",
          "type": "string",
          "context": [
            "view",
            "edit",
            "embed"
          ],
          "readonly": true
        }
      }
    },
    "content": {
      "description": "The content for the post.",
      "type": "object",
      "context": [
        "view",
        "edit"
      ],
      "properties": {
        "raw": {
          "description": "Content for the post, as it exists in the database.",
          "type": "string",
          "context": [
            "edit"
          ]
        },
        "rendered": {
          "description": "HTML content for the post, transformed for display.",
          "type": "string",
          "context": [
            "view",
            "edit"
          ],
          "readonly": true
        },
        "block_version": {
          "description": "Version of the content block format used by the post.",
          "type": "integer",
          "context": [
            "edit"
          ],
          "readonly": true
        },
        "protected": {
          "description": "Whether the content is protected with a password.",
          "type": "boolean",
          "context": [
            "view",
            "edit",
            "embed"
          ],
          "readonly": true
        }
      }
    },
    "author": {
      "description": "The ID for the author of the post.",
      "type": "integer",
      "context": [
        "view",
        "edit",
        "embed"
      ]
    },
    "excerpt": {
      "description": "The excerpt for the post.",
      "type": "object",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "properties": {
        "raw": {
          "description": "Excerpt for the post, as it exists in the database.",
          "type": "string",
          "context": [
            "edit"
          ]
        },
        "rendered": {
          "description": "HTML excerpt for the post, transformed for display.",
          "type": "string",
          "context": [
            "view",
            "edit",
            "embed"
          ],
          "readonly": true
        },
        "protected": {
          "description": "Whether the excerpt is protected with a password.",
          "type": "boolean",
          "context": [
            "view",
            "edit",
            "embed"
          ],
          "readonly": true
        }
      }
    },
    "featured_media": {
      "description": "The ID of the featured media for the post.",
      "type": "integer",
      "context": [
        "view",
        "edit",
        "embed"
      ]
    },
    "comment_status": {
      "description": "Whether or not comments are open on the post.",
      "type": "string",
      "enum": [
        "open",
        "closed"
      ],
      "context": [
        "view",
        "edit"
      ]
    },
    "ping_status": {
      "description": "Whether or not the post can be pinged.",
      "type": "string",
      "enum": [
        "open",
        "closed"
      ],
      "context": [
        "view",
        "edit"
      ]
    },
    "menu_order": {
      "description": "The order of the post in relation to other posts.",
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
    },
    "template": {
      "description": "The theme file to use to display the post.",
      "type": "string",
      "context": [
        "view",
        "edit"
      ]
    }
  }
}
"""#

    static let postCollectionText = #"""
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
  "after": {
    "description": "Limit response to posts published after a given ISO8601 compliant date.",
    "type": "string",
    "format": "date-time"
  },
  "modified_after": {
    "description": "Limit response to posts modified after a given ISO8601 compliant date.",
    "type": "string",
    "format": "date-time"
  },
  "author": {
    "description": "Limit result set to posts assigned to specific authors.",
    "type": "array",
    "items": {
      "type": "integer"
    },
    "default": []
  },
  "author_exclude": {
    "description": "Ensure result set excludes posts assigned to specific authors.",
    "type": "array",
    "items": {
      "type": "integer"
    },
    "default": []
  },
  "before": {
    "description": "Limit response to posts published before a given ISO8601 compliant date.",
    "type": "string",
    "format": "date-time"
  },
  "modified_before": {
    "description": "Limit response to posts modified before a given ISO8601 compliant date.",
    "type": "string",
    "format": "date-time"
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
    "default": "desc",
    "enum": [
      "asc",
      "desc"
    ]
  },
  "orderby": {
    "description": "Sort collection by post attribute.",
    "type": "string",
    "default": "date",
    "enum": [
      "author",
      "date",
      "id",
      "include",
      "modified",
      "parent",
      "relevance",
      "slug",
      "include_slugs",
      "title"
    ]
  },
  "slug": {
    "description": "Limit result set to posts with one or more specific slugs.",
    "type": "array",
    "items": {
      "type": "string"
    }
  },
  "status": {
    "default": "publish",
    "description": "Limit result set to posts assigned one or more statuses.",
    "type": "array",
    "items": {
      "enum": [
        "publish",
        "future",
        "draft",
        "pending",
        "private",
        "trash",
        "auto-draft",
        "inherit",
        "request-pending",
        "request-confirmed",
        "request-failed",
        "request-completed",
        "any"
      ],
      "type": "string"
    }
  },
  "tax_relation": {
    "description": "Limit result set based on relationship between multiple taxonomies.",
    "type": "string",
    "enum": [
      "AND",
      "OR"
    ]
  },
  "categories": {
    "description": "Limit result set to items with specific terms assigned in the categories taxonomy.",
    "type": [
      "object",
      "array"
    ],
    "oneOf": [
      {
        "title": "Term ID List",
        "description": "Match terms with the listed IDs.",
        "type": "array",
        "items": {
          "type": "integer"
        }
      },
      {
        "title": "Term ID Taxonomy Query",
        "description": "Perform an advanced term query.",
        "type": "object",
        "properties": {
          "terms": {
            "description": "Term IDs.",
            "type": "array",
            "items": {
              "type": "integer"
            },
            "default": []
          },
          "include_children": {
            "description": "Whether to include child terms in the terms limiting the result set.",
            "type": "boolean",
            "default": false
          },
          "operator": {
            "description": "Whether items must be assigned all or any of the specified terms.",
            "type": "string",
            "enum": [
              "AND",
              "OR"
            ],
            "default": "OR"
          }
        },
        "additionalProperties": false
      }
    ]
  },
  "categories_exclude": {
    "description": "Limit result set to items except those with specific terms assigned in the categories taxonomy.",
    "type": [
      "object",
      "array"
    ],
    "oneOf": [
      {
        "title": "Term ID List",
        "description": "Match terms with the listed IDs.",
        "type": "array",
        "items": {
          "type": "integer"
        }
      },
      {
        "title": "Term ID Taxonomy Query",
        "description": "Perform an advanced term query.",
        "type": "object",
        "properties": {
          "terms": {
            "description": "Term IDs.",
            "type": "array",
            "items": {
              "type": "integer"
            },
            "default": []
          },
          "include_children": {
            "description": "Whether to include child terms in the terms limiting the result set.",
            "type": "boolean",
            "default": false
          }
        },
        "additionalProperties": false
      }
    ]
  },
  "tags": {
    "description": "Limit result set to items with specific terms assigned in the tags taxonomy.",
    "type": [
      "object",
      "array"
    ],
    "oneOf": [
      {
        "title": "Term ID List",
        "description": "Match terms with the listed IDs.",
        "type": "array",
        "items": {
          "type": "integer"
        }
      },
      {
        "title": "Term ID Taxonomy Query",
        "description": "Perform an advanced term query.",
        "type": "object",
        "properties": {
          "terms": {
            "description": "Term IDs.",
            "type": "array",
            "items": {
              "type": "integer"
            },
            "default": []
          },
          "operator": {
            "description": "Whether items must be assigned all or any of the specified terms.",
            "type": "string",
            "enum": [
              "AND",
              "OR"
            ],
            "default": "OR"
          }
        },
        "additionalProperties": false
      }
    ]
  },
  "tags_exclude": {
    "description": "Limit result set to items except those with specific terms assigned in the tags taxonomy.",
    "type": [
      "object",
      "array"
    ],
    "oneOf": [
      {
        "title": "Term ID List",
        "description": "Match terms with the listed IDs.",
        "type": "array",
        "items": {
          "type": "integer"
        }
      },
      {
        "title": "Term ID Taxonomy Query",
        "description": "Perform an advanced term query.",
        "type": "object",
        "properties": {
          "terms": {
            "description": "Term IDs.",
            "type": "array",
            "items": {
              "type": "integer"
            },
            "default": []
          }
        },
        "additionalProperties": false
      }
    ]
  },
  "sticky": {
    "description": "Limit result set to items that are sticky.",
    "type": "boolean"
  }
}
"""#

    static let pageCollectionText = #"""
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
  "after": {
    "description": "Limit response to posts published after a given ISO8601 compliant date.",
    "type": "string",
    "format": "date-time"
  },
  "modified_after": {
    "description": "Limit response to posts modified after a given ISO8601 compliant date.",
    "type": "string",
    "format": "date-time"
  },
  "author": {
    "description": "Limit result set to posts assigned to specific authors.",
    "type": "array",
    "items": {
      "type": "integer"
    },
    "default": []
  },
  "author_exclude": {
    "description": "Ensure result set excludes posts assigned to specific authors.",
    "type": "array",
    "items": {
      "type": "integer"
    },
    "default": []
  },
  "before": {
    "description": "Limit response to posts published before a given ISO8601 compliant date.",
    "type": "string",
    "format": "date-time"
  },
  "modified_before": {
    "description": "Limit response to posts modified before a given ISO8601 compliant date.",
    "type": "string",
    "format": "date-time"
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
  "menu_order": {
    "description": "Limit result set to posts with a specific menu_order value.",
    "type": "integer"
  },
  "offset": {
    "description": "Offset the result set by a specific number of items.",
    "type": "integer"
  },
  "order": {
    "description": "Order sort attribute ascending or descending.",
    "type": "string",
    "default": "desc",
    "enum": [
      "asc",
      "desc"
    ]
  },
  "orderby": {
    "description": "Sort collection by post attribute.",
    "type": "string",
    "default": "date",
    "enum": [
      "author",
      "date",
      "id",
      "include",
      "modified",
      "parent",
      "relevance",
      "slug",
      "include_slugs",
      "title",
      "menu_order"
    ]
  },
  "parent": {
    "description": "Limit result set to items with particular parent IDs.",
    "type": "array",
    "items": {
      "type": "integer"
    },
    "default": []
  },
  "parent_exclude": {
    "description": "Limit result set to all items except those of a particular parent ID.",
    "type": "array",
    "items": {
      "type": "integer"
    },
    "default": []
  },
  "slug": {
    "description": "Limit result set to posts with one or more specific slugs.",
    "type": "array",
    "items": {
      "type": "string"
    }
  },
  "status": {
    "default": "publish",
    "description": "Limit result set to posts assigned one or more statuses.",
    "type": "array",
    "items": {
      "enum": [
        "publish",
        "future",
        "draft",
        "pending",
        "private",
        "trash",
        "auto-draft",
        "inherit",
        "request-pending",
        "request-confirmed",
        "request-failed",
        "request-completed",
        "any"
      ],
      "type": "string"
    }
  }
}
"""#
}
