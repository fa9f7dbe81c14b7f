// Lets the panels import their stylesheet (`import './playback.css'`); Vite bundles it.
// A project-wide src/vite-env.d.ts would make this file unnecessary.
/// <reference types="vite/client" />
