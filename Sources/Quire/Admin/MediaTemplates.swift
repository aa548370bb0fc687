import QuireREST
import QuireWPV2

/// The markup the media library dialog draws itself with: the `wp.template` templates that
/// `media-views.js` asks for by name (`tmpl-media-frame`, `tmpl-attachment`, …), printed in
/// every editor page as WordPress prints them in its admin footer (`wp_print_media_templates`).
///
/// Each template is an underscore template: `<# … #>` runs JavaScript, `{{ … }}` prints
/// escaped, `{{{ … }}}` raw. The class names are those the views bind to and the package's
/// `media-views.css` styles. Only the templates of the dialogs the block editor opens are
/// here: choosing or uploading media (the featured image, the media blocks) and a gallery's
/// settings.
///
///     let html = MediaTemplates(maxUploadSize: 2 << 20).html
///     html.contains(#"<script type="text/html" id="tmpl-media-modal">"#)   // true
struct MediaTemplates {
    /// The largest upload the site takes, in bytes, shown under the uploader.
    let maxUploadSize: Int

    /// Every template, each in its `<script type="text/html">`.
    var html: String {
        templates.map { name, body in "<script type=\"text/html\" id=\"tmpl-\(name)\">\n\(body)\n</script>\n" }.joined()
    }

    var templates: [(name: String, body: String)] {
        [("media-frame", Self.frame), ("media-modal", Self.modal), ("uploader-window", Self.dropZone("uploader-window-content")),
         ("uploader-editor", Self.dropZone("uploader-editor-content")), ("uploader-inline", uploaderInline),
         ("uploader-status", Self.uploaderStatus), ("uploader-status-error", Self.uploaderStatusError),
         ("attachment", Self.attachment), ("attachment-details", Self.attachmentDetails), ("media-selection", Self.selection),
         ("gallery-settings", Self.gallerySettings)]
    }

    /// The frame's regions, which the frame fills with its title, menu, router, content and toolbar.
    static let frame = """
        <div class="media-frame-title" id="media-frame-title"></div>
        <h2 class="media-frame-menu-heading">Actions</h2>
        <button type="button" class="button button-link media-frame-menu-toggle" aria-expanded="false">Menu <span class="dashicons dashicons-arrow-down" aria-hidden="true"></span></button>
        <div class="media-frame-menu"></div>
        <div class="media-frame-tab-panel"><div class="media-frame-router"></div><div class="media-frame-content"></div></div>
        <h2 class="media-frame-actions-heading screen-reader-text">Selected media actions</h2>
        <div class="media-frame-toolbar"></div>
        <div class="media-frame-uploader"></div>
        """

    /// The dialog around a frame, with its close button and backdrop.
    static let modal = """
        <div tabindex="0" class="media-modal wp-core-ui" role="dialog" aria-labelledby="media-frame-title">
        <# if ( data.hasCloseButton ) { #><button type="button" class="media-modal-close"><span class="media-modal-icon"><span class="screen-reader-text">Close dialog</span></span></button><# } #>
        <div class="media-modal-content" role="document"></div>
        </div>
        <div class="media-modal-backdrop"></div>
        """

    /// What shows while files are dragged over the window or the editor.
    static func dropZone(_ contentClass: String) -> String {
        "<div class=\"\(contentClass)\"><div class=\"uploader-editor-title\">Drop files to upload</div></div>"
    }

    /// The "Upload files" tab: drop or choose files, and the largest size taken.
    var uploaderInline: String {
        """
        <# var messageClass = data.message ? 'has-upload-message' : 'no-upload-message'; #>
        <# if ( data.canClose ) { #><button class="close dashicons dashicons-no"><span class="screen-reader-text">Close uploader</span></button><# } #>
        <div class="uploader-inline-content {{ messageClass }}">
        <# if ( data.message ) { #><h2 class="upload-message">{{ data.message }}</h2><# } #>
        <div class="upload-ui">
        <h2 class="upload-instructions drop-instructions">Drop files to upload</h2>
        <p class="upload-instructions drop-instructions">or</p>
        <button type="button" class="browser button button-hero" aria-labelledby="post-upload-info">Select Files</button>
        </div>
        <div class="upload-inline-status"></div>
        <div class="post-upload-ui" id="post-upload-info">
        <p class="max-upload-size">Maximum upload file size: \(HTMLText.escape(MediaModalAttachments.sizeFormat(maxUploadSize))).</p>
        <# if ( data.suggestedWidth && data.suggestedHeight ) { #>
        <p class="suggested-dimensions">Suggested image dimensions: {{data.suggestedWidth}} by {{data.suggestedHeight}} pixels.</p>
        <# } #>
        </div>
        </div>
        """
    }

    /// Progress while files upload, and their errors.
    static let uploaderStatus = """
        <h2>Uploading</h2>
        <div class="media-progress-bar"><div></div></div>
        <div class="upload-details">
        <span class="upload-count"><span class="upload-index"></span> / <span class="upload-total"></span></span>
        <span class="upload-detail-separator">&ndash;</span>
        <span class="upload-filename"></span>
        </div>
        <div class="upload-errors"></div>
        <button type="button" class="button upload-dismiss-errors">Dismiss errors</button>
        """

    static let uploaderStatusError = """
        <span class="upload-error-filename">{{{ data.filename }}}</span>
        <span class="upload-error-message">{{ data.message }}</span>
        """

    /// One tile of the library: the image (or the file's icon and name), and the check that
    /// (de)selects it.
    static let attachment = """
        <div class="attachment-preview js--select-attachment type-{{ data.type }} subtype-{{ data.subtype }} {{ data.orientation }}">
        <div class="thumbnail">
        <# if ( data.uploading ) { #>
        <div class="media-progress-bar"><div style="width: {{ data.percent }}%"></div></div>
        <# } else if ( 'image' === data.type && data.size && data.size.url ) { #>
        <div class="centered"><img src="{{ data.size.url }}" draggable="false" alt="" /></div>
        <# } else { #>
        <div class="centered">
        <# if ( data.image && data.image.src && data.image.src !== data.icon ) { #><img src="{{ data.image.src }}" class="thumbnail" draggable="false" alt="" />
        <# } else if ( data.sizes && data.sizes.medium ) { #><img src="{{ data.sizes.medium.url }}" class="thumbnail" draggable="false" alt="" />
        <# } else { #><img src="{{ data.icon }}" class="icon" draggable="false" alt="" /><# } #>
        </div>
        <div class="filename"><div>{{ data.filename }}</div></div>
        <# } #>
        </div>
        <# if ( data.buttons.close ) { #><button type="button" class="button-link attachment-close media-modal-icon"><span class="screen-reader-text">Remove</span></button><# } #>
        </div>
        <# if ( data.buttons.check ) { #><button type="button" class="check" tabindex="-1"><span class="media-modal-icon"></span><span class="screen-reader-text">Deselect</span></button><# } #>
        <# var maybeReadOnly = data.can.save || data.allowLocalEdits ? '' : 'readonly';
        if ( data.describe ) {
        if ( 'image' === data.type ) { #>
        <input type="text" value="{{ data.caption }}" class="describe" data-setting="caption" aria-label="Caption" placeholder="Caption&hellip;" {{ maybeReadOnly }} />
        <# } else { var kind = 'video' === data.type ? 'Video' : 'audio' === data.type ? 'Audio' : 'Media'; #>
        <input type="text" value="{{ data.title }}" class="describe" data-setting="title" aria-label="{{ kind }} title" placeholder="{{ kind }} title&hellip;" {{ maybeReadOnly }} />
        <# } } #>
        """

    /// The sidebar about the chosen attachment: its preview, facts, and the fields its user may edit.
    static let attachmentDetails = """
        <h2>Attachment Details <span class="settings-save-status" role="status"><span class="spinner"></span><span class="saved">Saved.</span></span></h2>
        <div class="attachment-info">
        <# if ( 'audio' === data.type ) { #>
        <div class="wp-media-wrapper wp-audio"><audio style="visibility: hidden" controls class="wp-audio-shortcode" width="100%" preload="none"><source type="{{ data.mime }}" src="{{ data.url }}" /></audio></div>
        <# } else if ( 'video' === data.type ) {
        var w_rule = data.width ? 'width: ' + data.width + 'px;' : wp.media.view.settings.contentWidth ? 'width: ' + wp.media.view.settings.contentWidth + 'px;' : ''; #>
        <div style="{{ w_rule }}" class="wp-media-wrapper wp-video"><video controls="controls" class="wp-video-shortcode" preload="metadata"
        <# if ( data.width ) { #>width="{{ data.width }}"<# } #> <# if ( data.height ) { #>height="{{ data.height }}"<# } #>
        <# if ( data.image && data.image.src !== data.icon ) { #>poster="{{ data.image.src }}"<# } #>><source type="{{ data.mime }}" src="{{ data.url }}" /></video></div>
        <# } else { #>
        <div class="thumbnail thumbnail-{{ data.type }}">
        <# if ( data.uploading ) { #><div class="media-progress-bar"><div></div></div>
        <# } else if ( 'image' === data.type && data.size && data.size.url ) { #><img src="{{ data.size.url }}" draggable="false" alt="" />
        <# } else { #><img src="{{ data.icon }}" class="icon" draggable="false" alt="" /><# } #>
        </div>
        <# } #>
        <div class="details">
        <div class="filename">{{ data.filename }}</div>
        <div class="uploaded">{{ data.dateFormatted }}</div>
        <div class="file-size">{{ data.filesizeHumanReadable }}</div>
        <# if ( 'image' === data.type && ! data.uploading ) { #>
        <# if ( data.width && data.height ) { #><div class="dimensions">{{ data.width }} by {{ data.height }} pixels</div><# } #>
        <# if ( data.originalImageURL && data.originalImageName ) { #><div class="word-wrap-break-word">Original image: <a href="{{ data.originalImageURL }}">{{data.originalImageName}}</a></div><# } #>
        <# } #>
        <# if ( data.fileLength && data.fileLengthHumanReadable ) { #>
        <div class="file-length">Length: <span aria-hidden="true">{{ data.fileLength }}</span><span class="screen-reader-text">{{ data.fileLengthHumanReadable }}</span></div>
        <# } #>
        <# if ( data.mediaStates ) { #><div class="media-states"><strong>Used as:</strong> {{ data.mediaStates }}</div><# } #>
        <# if ( ! data.uploading && data.can.remove ) { #><button type="button" class="button-link delete-attachment">Delete permanently</button><# } #>
        <div class="compat-meta"><# if ( data.compat && data.compat.meta ) { #>{{{ data.compat.meta }}}<# } #></div>
        </div>
        </div>
        <# var maybeReadOnly = data.can.save || data.allowLocalEdits ? '' : 'readonly'; #>
        <# if ( 'image' === data.type ) { #>
        <span class="setting alt-text has-description" data-setting="alt">
        <label for="attachment-details-alt-text" class="name">Alt Text</label>
        <textarea id="attachment-details-alt-text" aria-describedby="alt-text-description" {{ maybeReadOnly }}>{{ data.alt }}</textarea>
        </span>
        <p class="description" id="alt-text-description"><a href="https://www.w3.org/WAI/tutorials/images/decision-tree" target="_blank" rel="noopener">Learn how to describe the purpose of the image<span class="screen-reader-text"> (opens in a new tab)</span></a>. Leave empty if the image is purely decorative.</p>
        <# } #>
        <span class="setting" data-setting="title"><label for="attachment-details-title" class="name">Title</label><input type="text" id="attachment-details-title" value="{{ data.title }}" {{ maybeReadOnly }} /></span>
        <# if ( 'audio' === data.type ) { _.each( { artist: 'Artist', album: 'Album' }, function( label, key ) { #>
        <span class="setting" data-setting="{{ key }}"><label for="attachment-details-{{ key }}" class="name">{{ label }}</label><input type="text" id="attachment-details-{{ key }}" value="{{ data[ key ] || data.meta[ key ] || '' }}" /></span>
        <# } ); } #>
        <span class="setting" data-setting="caption"><label for="attachment-details-caption" class="name">Caption</label><textarea id="attachment-details-caption" {{ maybeReadOnly }}>{{ data.caption }}</textarea></span>
        <span class="setting" data-setting="description"><label for="attachment-details-description" class="name">Description</label><textarea id="attachment-details-description" {{ maybeReadOnly }}>{{ data.description }}</textarea></span>
        <span class="setting" data-setting="url">
        <label for="attachment-details-copy-link" class="name">File URL:</label>
        <input type="text" class="attachment-details-copy-link" id="attachment-details-copy-link" value="{{ data.url }}" readonly />
        <div class="copy-to-clipboard-container">
        <button type="button" class="button button-small copy-attachment-url" data-clipboard-target="#attachment-details-copy-link">Copy URL to clipboard</button>
        <span class="success hidden" aria-hidden="true">Copied!</span>
        </div>
        </span>
        """

    /// The bar under the library that counts what is chosen.
    static let selection = """
        <div class="selection-info">
        <span class="count"></span>
        <# if ( data.editable ) { #><button type="button" class="button-link edit-selection">Edit Selection</button><# } #>
        <# if ( data.clearable ) { #><button type="button" class="button-link clear-selection">Clear</button><# } #>
        </div>
        <div class="selection-view"></div>
        """

    /// A gallery's settings in the sidebar: where its images link, columns, order and size.
    static let gallerySettings = """
        <h2>Gallery Settings</h2>
        <span class="setting">
        <label for="gallery-settings-link-to" class="name">Link To</label>
        <select id="gallery-settings-link-to" class="link-to" data-setting="link" <# if ( data.userSettings ) { #>data-user-setting="urlbutton"<# } #>>
        <# _.each( { post: 'Attachment Page', file: 'Media File', none: 'None' }, function( label, value ) {
        var chosen = ( wp.media.galleryDefaults.link || 'post' ) === value; #>
        <option value="{{ value }}" <# if ( chosen ) { #>selected="selected"<# } #>>{{ label }}</option>
        <# } ); #>
        </select>
        </span>
        <span class="setting">
        <label for="gallery-settings-columns" class="name select-label-inline">Columns</label>
        <select id="gallery-settings-columns" class="columns" name="columns" data-setting="columns">
        <# for ( var i = 1; i <= 9; i++ ) { #><option value="{{ i }}" <# if ( i == wp.media.galleryDefaults.columns ) { #>selected="selected"<# } #>>{{ i }}</option><# } #>
        </select>
        </span>
        <span class="setting">
        <input type="checkbox" id="gallery-settings-random-order" data-setting="_orderbyRandom" />
        <label for="gallery-settings-random-order" class="checkbox-label-inline">Random Order</label>
        </span>
        <span class="setting size">
        <label for="gallery-settings-size" class="name">Size</label>
        <select id="gallery-settings-size" class="size" name="size" data-setting="size" <# if ( data.userSettings ) { #>data-user-setting="imgsize"<# } #>>
        <# _.each( { thumbnail: 'Thumbnail', medium: 'Medium', large: 'Large', full: 'Full Size' }, function( label, value ) { #>
        <option value="{{ value }}">{{ label }}</option>
        <# } ); #>
        </select>
        </span>
        """
}
