/**
 * The standalone module (/embed/focal-loss.js): the site's own figure
 * elements for any page. Where the server rendered no markup they build their
 * controls and chart in a shadow root and keep their state in attributes.
 * Loading it twice, or on a page of the site itself where the site's own
 * elements are already defined, changes nothing. A page that asks for it
 * with <html data-deck-keys> (the offline file, made to be a deck's iframe or
 * background) hands the deck keys no control used to its parent frame, as the
 * embed route does; any other page that happens to be framed keeps its keys
 * (and its scrolling).
 */
// First: the elements read whether they may build their own markup when they are defined.
import "./use-standalone-markup";
import "../focal-loss-curves";
import "../modulating-factor-curves";
import "../logit-loss-gradient";
import { forwardUnusedKeys } from "../forward-deck-keys";

if (document.documentElement.hasAttribute("data-deck-keys")) forwardUnusedKeys();
