/**
 * The JSON documents of the admin REST API: records made from the management API's records, so that the
 * wire format is decided here and not by the provider's types. Times are ISO-8601 strings.
 */
package dev.postbox.admin.api.view;
