<?php
add_action( 'init', function () {
	register_post_type( 'book', array(
		'label' => 'Books', 'labels' => array( 'singular_name' => 'Book' ), 'public' => true, 'show_in_rest' => true,
		'rest_base' => 'books', 'supports' => array( 'title', 'editor', 'excerpt', 'author', 'custom-fields', 'revisions' ),
	) );
	register_post_type( 'chapter', array(
		'label' => 'Chapters', 'labels' => array( 'singular_name' => 'Chapter' ), 'public' => false, 'show_ui' => true, 'show_in_rest' => true,
		'hierarchical' => true, 'supports' => array( 'title', 'page-attributes', 'thumbnail', 'comments', 'trackbacks' ),
	) );
	register_post_type( 'note', array(
		'label' => 'Notes', 'labels' => array( 'singular_name' => 'Note' ), 'public' => true, 'show_in_rest' => true,
		'supports' => array( 'title', 'post-formats' ),
	) );
	register_taxonomy( 'genre', array( 'book' ), array(
		'label' => 'Genres', 'labels' => array( 'singular_name' => 'Genre' ), 'hierarchical' => true, 'show_in_rest' => true, 'rest_base' => 'genres',
	) );
	register_taxonomy( 'mood', array( 'post', 'note' ), array(
		'label' => 'Moods', 'labels' => array( 'singular_name' => 'Mood' ), 'hierarchical' => false, 'show_in_rest' => true, 'rest_base' => 'moods',
	) );
} );
