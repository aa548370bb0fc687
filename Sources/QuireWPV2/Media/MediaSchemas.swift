import QuireREST

/// The media resource as `/wp/v2/media` describes it, and the filters its collection takes.
enum MediaSchemas {
    static let media: JSONObject = try! JSONParser.parse(mediaText).objectValue!
    static let mediaPlan = ContextPlan(media)
    static let collection: JSONObject = try! JSONParser.parse(collectionText).objectValue!

    static let mediaText = #"""
{
  "$schema": "http://json-schema.org/draft-04/schema#",
  "title": "attachment",
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
    "author": {
      "description": "The ID for the author of the post.",
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
    },
    "alt_text": {
      "description": "Alternative text to display when attachment is not displayed.",
      "type": "string",
      "context": [
        "view",
        "edit",
        "embed"
      ]
    },
    "caption": {
      "description": "The attachment caption.",
      "type": "object",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "properties": {
        "raw": {
          "description": "Caption for the attachment, as it exists in the database.",
          "type": "string",
          "context": [
            "edit"
          ]
        },
        "rendered": {
          "description": "HTML caption for the attachment, transformed for display.",
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
    "description": {
      "description": "The attachment description.",
      "type": "object",
      "context": [
        "view",
        "edit"
      ],
      "properties": {
        "raw": {
          "description": "Description for the attachment, as it exists in the database.",
          "type": "string",
          "context": [
            "edit"
          ]
        },
        "rendered": {
          "description": "HTML description for the attachment, transformed for display.",
          "type": "string",
          "context": [
            "view",
            "edit"
          ],
          "readonly": true
        }
      }
    },
    "media_type": {
      "description": "Attachment type.",
      "type": "string",
      "enum": [
        "image",
        "file"
      ],
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "readonly": true
    },
    "mime_type": {
      "description": "The attachment MIME type.",
      "type": "string",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "readonly": true
    },
    "media_details": {
      "description": "Details about the media file, specific to its type.",
      "type": "object",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "readonly": true
    },
    "post": {
      "description": "The ID for the associated post of the attachment.",
      "type": "integer",
      "context": [
        "view",
        "edit"
      ]
    },
    "source_url": {
      "description": "URL to the original attachment file.",
      "type": "string",
      "format": "uri",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "readonly": true
    },
    "missing_image_sizes": {
      "description": "List of the missing image sizes of the attachment.",
      "type": "array",
      "items": {
        "type": "string"
      },
      "context": [
        "edit"
      ],
      "readonly": true
    }
  }
}
"""#

    static let collectionText = #"""
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
    "default": "inherit",
    "description": "Limit result set to posts assigned one or more statuses.",
    "type": "array",
    "items": {
      "enum": [
        "inherit",
        "private",
        "trash"
      ],
      "type": "string"
    }
  },
  "media_type": {
    "default": null,
    "description": "Limit result set to attachments of a particular media type.",
    "type": "string",
    "enum": [
      "image",
      "video",
      "text",
      "application",
      "audio"
    ]
  },
  "mime_type": {
    "default": null,
    "description": "Limit result set to attachments of a particular MIME type.",
    "type": "string"
  }
}
"""#
}
